import { z } from "zod";
import { maxPasswordLength, minPasswordLength } from "@/lib/auth/password-rules";

export const credentialsSchema = z.object({
  email: z.email().max(200),
  password: z.string().min(minPasswordLength, `At least ${minPasswordLength} characters`).max(maxPasswordLength),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** First run: the owner's credentials and the setup link's token. */
export const setupSchema = credentialsSchema.extend({ setupToken: z.string().min(1).max(200) });
export type SetupInput = z.infer<typeof setupSchema>;

export const currentUserSchema = z.object({ id: z.string(), email: z.string(), role: z.string() });
export type CurrentUser = z.infer<typeof currentUserSchema>;
