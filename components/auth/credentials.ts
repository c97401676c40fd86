// Checks shared by the setup and sign-in forms: credentialsSchema's own rules, so most mistakes
// are caught before a request, with messages in the reader's language.
import { credentialsSchema } from "@/lib/schemas/auth";
import { isApiError } from "@/lib/client/http";

export type CredentialsField = "email" | "password";
export type CredentialsErrors = Partial<
  Record<CredentialsField, "emailInvalid" | "passwordTooShort" | "passwordTooLong">
>;

export function checkCredentials(
  email: string,
  password: string,
  options: { checkLength: boolean },
): CredentialsErrors {
  const errors: CredentialsErrors = {};
  if (!credentialsSchema.shape.email.safeParse(email.trim()).success) errors.email = "emailInvalid";

  // The minimum only where a password is chosen (checkLength); the maximum always.
  const passwordIssue = credentialsSchema.shape.password.safeParse(password).error?.issues[0]?.code;
  if (passwordIssue === "too_big") errors.password = "passwordTooLong";
  else if (passwordIssue === "too_small" && options.checkLength) errors.password = "passwordTooShort";
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
