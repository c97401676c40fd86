// Checks shared by the setup and sign-in forms. They mirror credentialsSchema's rules so most
// mistakes are caught before a request, with messages in the reader's language.
import { z } from "zod";
import { isApiError } from "@/lib/client/http";

export type CredentialsField = "email" | "password";
export type CredentialsErrors = Partial<
  Record<CredentialsField, "emailInvalid" | "passwordTooShort" | "passwordTooLong">
>;

const emailSchema = z.email().max(200);

export function checkCredentials(
  email: string,
  password: string,
  options: { checkLength: boolean },
): CredentialsErrors {
  const errors: CredentialsErrors = {};
  if (!emailSchema.safeParse(email.trim()).success) errors.email = "emailInvalid";
  if (options.checkLength && password.length < 8) errors.password = "passwordTooShort";
  if (password.length > 200) errors.password = "passwordTooLong";
  return errors;
}

/** Server validation issues, reduced to the two fields (their rules are the ones above). */
export function credentialsErrorsFrom(error: unknown): CredentialsErrors {
  if (!isApiError(error) || error.code !== "validation_failed") return {};
  const errors: CredentialsErrors = {};
  if (error.issueFor("email")) errors.email = "emailInvalid";
  if (error.issueFor("password")) errors.password = "passwordTooShort";
  return errors;
}
