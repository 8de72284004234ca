import { z } from 'zod';
import { displayName, type SignInIdentity } from '../auth/session';
import { CATEGORIES, type Category } from '../redact/types';
import { type Agent, AgentSchema } from '../schema';
import type { SurfacePolicy } from '../sidebar/surface';
import { keysIn } from '../storage-keys';
import type { PolicyProblem } from './problem';
import {
  type Endpoint,
  EndpointSchema,
  type Hub,
  HubSchema,
  type LocalSettings,
  type SiteRule,
  SiteRuleSchema,
  type TaxonomyTag,
  TaxonomyTagSchema,
  UNKNOWN_AGENT,
  type UrlMode,
  UrlModeSchema,
} from './settings';

export type { PolicyProblem };

/** What the managed policy validly sets; absent keys are not set by policy. */
export interface ParsedPolicy {
  endpoints?: Endpoint[];
  agent?: Agent;
  taxonomy?: TaxonomyTag[];
  sites?: SiteRule[];
  urlMode?: UrlMode;
  redaction?: Category[];
  lockSettings?: boolean;
  hub?: Hub;
  /** Where Earmark shows itself by default: the in-page sidebar or the browser's side panel. */
  surface?: Surface;
  /** true: agents cannot change the surface (lib/sidebar/surface.ts). */
  surfaceLocked?: boolean;
  problems: PolicyProblem[];
}

/** Policy `surface`: the in-page sidebar ("overlay") or the browser's side panel ("sidePanel"). */
export const SurfaceSchema = z.enum(['overlay', 'sidePanel']);
export type Surface = z.infer<typeof SurfaceSchema>;

const KNOWN_KEYS = new Set<string>(keysIn('managed'));

/** Policy `redaction`: which kinds of personal data are replaced (default: every kind). */
const RedactionPolicySchema = z.strictObject({ categories: z.array(z.enum(CATEGORIES)) });

function problemsOf(prefix: string, error: z.core.$ZodError): PolicyProblem[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/** Parses each array entry on its own so one bad entry never disables the valid ones. */
function parseEntries<T>(
  key: string,
  raw: unknown,
  // classic or mini (the taxonomy tag is zod/mini: lib/config/taxonomy-tag.ts)
  schema: z.core.$ZodType<T>,
  problems: PolicyProblem[],
): T[] {
  if (!Array.isArray(raw)) {
    problems.push({ path: key, message: 'must be a list' });
    return [];
  }
  const out: T[] = [];
  raw.forEach((entry, index) => {
    const result = z.safeParse(schema, entry);
    if (result.success) out.push(result.data);
    else problems.push(...problemsOf(`${key}.${index}`, result.error));
  });
  return out;
}

/** Keeps the first entry per id and reports the later duplicates. */
function dropDuplicateIds<T extends { id: string }>(
  key: string,
  entries: T[],
  problems: PolicyProblem[],
): T[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (!seen.has(entry.id)) return seen.add(entry.id) && true;
    problems.push({ path: `${key}`, message: `duplicate id "${entry.id}" ignored` });
    return false;
  });
}

/** Validates raw `chrome.storage.managed` contents part by part: the valid parts apply. */
export function parsePolicy(raw: Record<string, unknown>): ParsedPolicy {
  const problems: PolicyProblem[] = [];
  const policy: ParsedPolicy = { problems };
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) problems.push({ path: key || '""', message: 'unknown policy key ignored' });
  }
  if (raw.endpoints !== undefined) {
    const entries = parseEntries('endpoints', raw.endpoints, EndpointSchema, problems);
    policy.endpoints = dropDuplicateIds('endpoints', entries, problems);
  }
  if (raw.agent !== undefined) {
    const result = AgentSchema.safeParse(raw.agent);
    if (result.success) policy.agent = result.data;
    else problems.push(...problemsOf('agent', result.error));
  }
  if (raw.taxonomy !== undefined) {
    const entries = parseEntries('taxonomy', raw.taxonomy, TaxonomyTagSchema, problems);
    const unique = dropDuplicateIds('taxonomy', entries, problems);
    if (unique.length > 0) policy.taxonomy = unique;
    else problems.push({ path: 'taxonomy', message: 'no valid tag; the default taxonomy stays in use' });
  }
  if (raw.sites !== undefined) policy.sites = parseEntries('sites', raw.sites, SiteRuleSchema, problems);
  if (raw.urlMode !== undefined) {
    const result = UrlModeSchema.safeParse(raw.urlMode);
    if (result.success) policy.urlMode = result.data;
    else problems.push(...problemsOf('urlMode', result.error));
  }
  if (raw.redaction !== undefined) {
    const result = RedactionPolicySchema.safeParse(raw.redaction);
    if (result.success) policy.redaction = [...new Set(result.data.categories)];
    else problems.push(...problemsOf('redaction', result.error));
  }
  if (raw.hub !== undefined) {
    const result = HubSchema.safeParse(raw.hub);
    if (result.success) policy.hub = result.data;
    else problems.push(...problemsOf('hub', result.error));
  }
  if (raw.surface !== undefined) {
    const result = SurfaceSchema.safeParse(raw.surface);
    if (result.success) policy.surface = result.data;
    else problems.push(...problemsOf('surface', result.error));
  }
  if (raw.surfaceLocked !== undefined) {
    if (typeof raw.surfaceLocked === 'boolean') policy.surfaceLocked = raw.surfaceLocked;
    else problems.push({ path: 'surfaceLocked', message: 'must be true or false' });
  }
  if (raw.lockSettings !== undefined) {
    if (typeof raw.lockSettings === 'boolean') policy.lockSettings = raw.lockSettings;
    else problems.push({ path: 'lockSettings', message: 'must be true or false' });
  }
  return policy;
}

/** The configuration in force: defaults ← local settings ← managed policy, key by key. */
export interface EffectiveConfig {
  endpoints: Endpoint[];
  agent: Agent;
  taxonomy: TaxonomyTag[];
  /** Admin-added sites: policy ones first, then local ones (both apply). */
  sites: SiteRule[];
  urlMode: UrlMode;
  /** Kinds of personal data replaced before anything is stored. */
  redaction: Category[];
  /** The hub for the review page and the loop back; null when none is configured. */
  hub: Hub | null;
  /**
   * Who signed in to that hub (lib/auth/), no tokens; null when nobody did. A signed-in agent is
   * the `agent` above: the typed or policy agent no longer applies.
   */
  signedIn: SignInIdentity | null;
  /** The policy's surface and lock (lib/sidebar/surface.ts): the worker mirrors it for the launcher. */
  surface: SurfacePolicy;
  lockedKeys: Array<'endpoints' | 'agent' | 'taxonomy' | 'sites' | 'urlMode' | 'hub'>;
  problems: PolicyProblem[];
}

/** Merges local settings and parsed policy; policy wins for every key it validly sets. */
export function mergeConfig(
  local: LocalSettings,
  policy: ParsedPolicy,
  defaults: TaxonomyTag[],
  session: SignInIdentity | null = null,
): EffectiveConfig {
  const hub = mergeHub(local.hub, policy.hub);
  // A sign-in counts only for the hub in force (an admin may have moved the hub since).
  const signedIn = session && hub && session.hubUrl === hub.url ? session : null;
  const person = signedIn?.person ?? null;
  // Sign-in required and nobody signed in: captures wait as the unknown agent, and become the
  // person's who signs in (lib/store/claim.ts); a typed agent id would be a claim nobody checked.
  const unsigned = hub?.signIn === 'required' && !signedIn;
  const lockedKeys: EffectiveConfig['lockedKeys'] = [];
  if (policy.endpoints) lockedKeys.push('endpoints');
  if (policy.agent) lockedKeys.push('agent');
  if (policy.taxonomy) lockedKeys.push('taxonomy');
  if (policy.sites) lockedKeys.push('sites');
  if (policy.urlMode) lockedKeys.push('urlMode');
  if (policy.hub) lockedKeys.push('hub');
  if (policy.lockSettings) {
    // The organization allows no local changes at all: every setting is shown locked.
    for (const key of ['endpoints', 'agent', 'taxonomy', 'sites', 'urlMode', 'hub'] as const) {
      if (!lockedKeys.includes(key)) lockedKeys.push(key);
    }
  }
  return {
    endpoints: policy.endpoints ?? local.endpoints,
    agent: person
      ? { id: person.agentId, name: displayName(person), team: person.team }
      : unsigned
        ? { ...UNKNOWN_AGENT }
        : (policy.agent ?? local.agent ?? { ...UNKNOWN_AGENT }),
    taxonomy: policy.taxonomy ?? local.taxonomy ?? defaults,
    sites: policy.sites ?? local.sites,
    urlMode: policy.urlMode ?? local.urlMode,
    redaction: policy.redaction ?? [...CATEGORIES],
    // A lead's own token may complete a policy-set hub URL (tokens are per person).
    hub,
    signedIn,
    // lockSettings allows no local change at all, the agent's choice of surface included.
    surface: {
      surface: policy.surface ?? null,
      locked: policy.surfaceLocked === true || policy.lockSettings === true,
    },
    lockedKeys,
    problems: policy.problems,
  };
}

/** Policy sets the hub URL (and any token it names); local tokens fill in the rest for the same URL. */
function mergeHub(local: Hub | null, policy: Hub | undefined): Hub | null {
  if (!policy) return local;
  if (!local || local.url !== policy.url) return policy;
  return {
    url: policy.url,
    agentToken: policy.agentToken ?? local.agentToken,
    leadToken: policy.leadToken ?? local.leadToken,
    ...(policy.signIn ? { signIn: policy.signIn } : {}),
  };
}
