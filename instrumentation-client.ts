// Runs in the browser before the app: zod compiles its parsers with `new Function` unless told
// not to, which the Content-Security-Policy (no 'unsafe-eval', proxy.ts) would refuse.
import { z } from "zod";

z.config({ jitless: true });
