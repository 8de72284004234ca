import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';

/** Host names every hub answers to, on any port: the loopback names a local browser or CLI uses. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

// hostname or [IPv6], optionally :port. Lower-cased before matching.
const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

/** One allow-list entry as EARMARK_PUBLIC_HOST names it: `hub.example.com` (any port) or `hub.example.com:8443`. */
const PublicHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HOST_PATTERN, 'expected a host name, optionally with :port (no scheme, no path)');

/**
 * Parses EARMARK_PUBLIC_HOST: one host name or several, comma-separated; empty or unset = none.
 * Throws on an entry that is not a host name, so a typo stops the hub instead of locking everyone out.
 */
export function parsePublicHosts(value: string | undefined): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((entry, i) => {
    const parsed = PublicHostSchema.safeParse(entry);
    if (!parsed.success)
      throw new Error(`EARMARK_PUBLIC_HOST entry ${i + 1} "${entry}": ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

function split(host: string): { name: string; port: string | undefined } | null {
  const match = HOST_PATTERN.exec(host.trim().toLowerCase());
  return match?.[1] ? { name: match[1], port: match[2] } : null;
}

/** Whether a Host header value names an allowed host: same name, and the same port when the entry has one. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const actual = split(host);
  if (!actual) return false;
  return allowed.some((entry) => {
    const wanted = split(entry);
    return wanted?.name === actual.name && (wanted.port === undefined || wanted.port === actual.port);
  });
}

/**
 * Refuses (421 Misdirected Request) a request whose Host is not on the allow-list, before any
 * route runs. This defeats DNS rebinding: a page on evil.example whose name now resolves to
 * 127.0.0.1 reaches the socket, but its requests say `Host: evil.example`, so the loopback trust
 * (bootstrap rule, demo reads) never applies to them. In-process requests carry the URL's host.
 */
export function hostCheck(publicHosts: readonly string[]): MiddlewareHandler {
  const allowed = [...LOOPBACK_HOSTS, ...publicHosts];
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!hostAllowed(host, allowed)) return c.json({ error: 'misdirected request: host not allowed' }, 421);
    await next();
  };
}
