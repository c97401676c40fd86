// The password rule, in a module with no server dependencies, so forms in the browser check
// exactly what the server will (lib/schemas/team.ts, lib/auth/passwords.ts).
export const minPasswordLength = 8;
export const maxPasswordLength = 200;

export function hasValidPasswordLength(password: string): boolean {
  return password.length >= minPasswordLength && password.length <= maxPasswordLength;
}
