import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role, Scope, TokenRecord } from '../store';

/** A new bearer token: 32 random bytes, base64url. Only its hash is ever stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, hex: what the tokens table keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null when the header has another shape. */
export function bearerToken(header: string): string | null {
  return /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1] ?? null;
}

/** Constant-time equality of two hex hashes (the lookup is by hash; this re-checks without a timing leak). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who is calling: a token, or the loopback bootstrap rule (tokenId null). */
export interface Principal {
  tokenId: string | null;
  role: Role;
  teamId: string | null;
  agentId: string | null;
}

/** A principal from a stored token. */
export function principalOf(token: TokenRecord): Principal {
  return { tokenId: token.id, role: token.role, teamId: token.teamId, agentId: token.agentId };
}

/** The items a principal may read: admin all, lead its team, agent its own items. */
export function scopeOf(p: Principal): Scope {
  if (p.role === 'admin') return {};
  // A lead or agent token without a team sees nothing: a team id no row has.
  const teamId = p.teamId ?? '00000000-0000-0000-0000-000000000000';
  if (p.role === 'lead') return { teamId };
  return { teamId, agentId: p.agentId ?? '' };
}
