/** A fresh random secret in `whsec_<base64>` form (32 random bytes), as SecretSchema accepts. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
