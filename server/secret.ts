import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecret, SecretSchema } from '../lib/config/secret';

/**
 * The webhook secret: EARMARK_WEBHOOK_SECRET if set, else the one kept in the data directory,
 * else a new one generated and kept there (created: true so the caller can print it).
 */
export function resolveSecret(
  dataDir: string,
  fromEnv: string | undefined,
): { secret: string; created: boolean } {
  if (fromEnv) return { secret: SecretSchema.parse(fromEnv), created: false };
  const file = join(dataDir, 'webhook-secret');
  if (existsSync(file))
    return { secret: SecretSchema.parse(readFileSync(file, 'utf8').trim()), created: false };
  mkdirSync(dataDir, { recursive: true });
  const secret = generateSecret();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}
