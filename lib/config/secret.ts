import { z } from 'zod';

// The secret format is part of the webhook contract: the hub (server/secret.ts) shares it.

/** A Standard Webhooks secret: "whsec_" followed by base64 of 24–64 bytes. */
export const SecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, 'must be "whsec_" followed by base64 (24 to 64 bytes)');

/** A fresh random secret in `whsec_<base64>` form (32 random bytes), as SecretSchema accepts. */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}
