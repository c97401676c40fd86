import { z } from "zod";

export const credentialsSchema = z.object({
  email: z.email().max(200),
  password: z.string().min(8, "At least 8 characters").max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export const currentUserSchema = z.object({ id: z.string(), email: z.string(), role: z.string() });
export type CurrentUser = z.infer<typeof currentUserSchema>;
