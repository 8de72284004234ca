import { z } from 'zod';
import { LOOPBACK_HOSTS } from '../http/loopback';
import { AgentSchema, SiteSchema } from '../schema';
import { duplicateProblems } from './rules';
import { SecretSchema } from './secret';
import { DEFAULT_TAXONOMY } from './taxonomy-default';
import { type TaxonomyTag, TaxonomyTagSchema } from './taxonomy-tag';

/** True for an endpoint URL Earmark may POST to: https anywhere, plain http only on loopback. */
export function isAllowedEndpointUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

export { SecretSchema };

/** One webhook endpoint; `tags` absent means every tag is routed to it. */
export const EndpointSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  url: z.string().refine(isAllowedEndpointUrl, 'must be an https URL (plain http only for localhost)'),
  secret: SecretSchema,
  tags: z.array(z.string().min(1)).optional(),
  format: z.enum(['json', 'slack', 'teams']).optional(),
  /** false: an admin switched delivery off; its captures queue up and are sent once it is enabled. */
  enabled: z.boolean().optional(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export { DEFAULT_TAXONOMY, type TaxonomyTag, TaxonomyTagSchema };

/** How much of the page URL an item keeps: by default origin + path (tokens live in query and fragment). */
export const UrlModeSchema = z.enum(['full', 'path', 'origin', 'none']);
export type UrlMode = z.infer<typeof UrlModeSchema>;

/** Chrome match pattern for an admin-added site: https only, a host (optionally *.-prefixed), a path. */
export const SitePatternSchema = z
  .string()
  .max(300)
  .regex(
    /^https:\/\/(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+)\/.*$/i,
    'must be a match pattern like https://*.example.com/*',
  );

/** A site an admin adds: pages matching the pattern get the sidebar, read by the named adapter. */
export const SiteRuleSchema = z.strictObject({
  match: SitePatternSchema,
  adapter: SiteSchema,
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

/** A hub bearer token as the hub CLI prints it (base64url, no whitespace). */
const HubTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,200}$/, 'must be a token printed by "npm run hub -- token create"');

/**
 * The Earmark hub this browser talks to besides webhooks: the agent token reads the review
 * status of the agent's own captures (the loop back) and goes with deliveries to endpoints on the
 * hub (proof of the agent, lib/delivery/hub-token.ts); the lead token opens the review page.
 */
export const HubSchema = z.strictObject({
  url: z
    .string()
    .refine(isAllowedEndpointUrl, 'must be an https URL (plain http only for localhost)')
    .transform((url) => url.replace(/\/+$/, '')),
  agentToken: HubTokenSchema.optional(),
  leadToken: HubTokenSchema.optional(),
  /**
   * Sign-in with the organisation's account through the hub (lib/auth/): "required" holds every
   * capture in the queue until the agent signs in; "optional" offers it. Set by policy.
   */
  signIn: z.enum(['required', 'optional']).optional(),
});
export type Hub = z.infer<typeof HubSchema>;

/** The shape of locally stored settings (version 3), without the cross-entry rules. */
export const LocalSettingsObjectSchema = z.strictObject({
  endpoints: z.array(EndpointSchema),
  agent: z.nullable(AgentSchema),
  taxonomy: z.array(TaxonomyTagSchema).nullable(),
  // Tags retired in the options page, kept to restore; optional (absent: none), so settings
  // written before it stay valid without a migration.
  retiredTags: z.array(TaxonomyTagSchema).max(500).optional(),
  sites: z.array(SiteRuleSchema),
  urlMode: UrlModeSchema,
  hub: HubSchema.nullable(),
});

/** Locally stored settings (version 3): the shape plus unique endpoint ids, tag ids and hotkeys. */
export const LocalSettingsSchema = LocalSettingsObjectSchema.superRefine((settings, ctx) => {
  for (const problem of duplicateProblems(settings)) {
    const path = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    ctx.addIssue({ code: 'custom', path, message: problem.message });
  }
});
export type LocalSettings = z.infer<typeof LocalSettingsObjectSchema>;

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: LocalSettings = {
  endpoints: [],
  agent: null,
  taxonomy: null,
  sites: [],
  urlMode: 'path',
  hub: null,
};

/** Current version of the stored settings. */
export const SETTINGS_VERSION = 3;

/** Settings migrations by target version (upgradeSettings runs them in order on read). */
export const SETTINGS_MIGRATIONS = {
  // v2 added admin-added sites and the URL mode.
  2: (v1: Omit<LocalSettings, 'sites' | 'urlMode' | 'hub'>): Omit<LocalSettings, 'hub'> => ({
    ...v1,
    sites: [],
    urlMode: 'path',
  }),
  // v3 added the hub connection (review page and the loop back to the agent).
  3: (v2: Omit<LocalSettings, 'hub'>): LocalSettings => ({ ...v2, hub: null }),
};

/** Brings stored settings of `version` up to SETTINGS_VERSION (unvalidated: parse the result). */
export function upgradeSettings(version: number, value: unknown): unknown {
  let current = value;
  for (let v = Math.max(version, 1) + 1; v <= SETTINGS_VERSION; v++) {
    const step = SETTINGS_MIGRATIONS[v as keyof typeof SETTINGS_MIGRATIONS] as (old: unknown) => unknown;
    current = step(current);
  }
  return current;
}

/** The agent used until an admin sets one. */
export const UNKNOWN_AGENT = { id: 'unknown', name: 'Unknown agent', team: '' } as const;
