import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecret, SecretSchema } from '../lib/config/secret';

/** The file in the data directory that keeps the hub's own webhook secret (mode 600). */
export function secretFile(dataDir: string): string {
  return join(dataDir, 'webhook-secret');
}

/**
 * The webhook secret: EARMARK_WEBHOOK_SECRET if set, else the one kept in the data directory,
 * else a new one generated and kept there (created: true). `source` says where it is, for the
 * start-up banner, which names the place and never prints the secret.
 */
export function resolveSecret(
  dataDir: string,
  fromEnv: string | undefined,
): { secret: string; created: boolean; source: string } {
  if (fromEnv)
    return { secret: SecretSchema.parse(fromEnv), created: false, source: 'EARMARK_WEBHOOK_SECRET' };
  const file = secretFile(dataDir);
  if (existsSync(file))
    return { secret: SecretSchema.parse(readFileSync(file, 'utf8').trim()), created: false, source: file };
  mkdirSync(dataDir, { recursive: true });
  const secret = generateSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true, source: file };
}
