// What a job handler is: how to read its payload, which jobs may run together, and what each
// job's outcome was. Handlers report outcomes instead of throwing so that one batch call can
// succeed for some followers and fail for others.
import type { z } from "zod";

export type JobOutcome =
  | { status: "done" }
  /** Try again later: at `retryAt` when the cause says when (a quota), else with backoff. */
  | { status: "retry"; error: string; retryAt?: Date }
  /** Will not succeed by trying again; `error` says why, for the person who reads it. */
  | { status: "failed"; error: string };

export interface JobHandler<Payload> {
  payloadSchema: z.ZodType<Payload>;
  /** Jobs whose keys are equal run in one `run` call, at most `maxBatchSize` of them. */
  batchKeyOf(payload: Payload): string;
  maxBatchSize: number;
  /** One outcome per payload, in order. */
  run(payloads: Payload[]): Promise<JobOutcome[]>;
}

export const jobKinds = ["auto-tag", "claimed-scene-scanners"] as const;
export type JobKind = (typeof jobKinds)[number];
