import type { Item } from '../lib/schema';
import type { Demand, DemandQuery } from './demand';
import type { DigestStore } from './digest/store';
import type { SignInStore } from './sign-in-types';

export { MIGRATIONS } from './db/migrations';

/** Review states a lead moves an item through. */
export const STATUSES = ['new', 'reviewed', 'actioned', 'declined'] as const;
/** One review state. */
export type ItemStatus = (typeof STATUSES)[number];
/** Token roles, least to most powerful. */
export type Role = 'agent' | 'lead' | 'admin';

/** Outcome of storing one batch: new or newer revisions stored, older or equal ones ignored. */
export interface UpsertResult {
  stored: number;
  duplicates: number;
}

/** An item as the hub keeps it: the highest revision seen, when it arrived, and its review state. */
export interface HubItem {
  item: Item;
  receivedAt: string;
  teamId: string | null;
  /** True when the latest revision arrived with the agent token of the agent it names. */
  agentVerified: boolean;
  status: ItemStatus;
  comment: string | null;
  statusUpdatedAt: string | null;
  /** The theme the item is grouped in (server/themes/); null for no team, no text, or deleted. */
  themeId: string | null;
}

/** Which items a caller may see: undefined teamId = every team; agentId narrows to one agent. */
export interface Scope {
  teamId?: string;
  agentId?: string;
}

/** Listing orders by capture time: newest first (the default) or oldest first. */
export const SORTS = ['newest', 'oldest'] as const;
/** One listing order. */
export type ItemSort = (typeof SORTS)[number];

/** Filters for listing; all optional but limit. Cursor = last row of the previous page. */
export interface ItemFilter {
  limit: number;
  /** Order by (capturedAt, id); the cursor continues in the same direction. Default newest. */
  sort?: ItemSort;
  scope?: Scope;
  tag?: string;
  category?: string;
  agent?: string;
  status?: ItemStatus;
  site?: string;
  from?: string;
  to?: string;
  q?: string;
  includeDeleted?: boolean;
  /** Only these item ids. */
  ids?: string[];
  /** Only the items grouped in this theme. */
  theme?: string;
  cursor?: { capturedAt: string; id: string };
}

/** One triage step, as shown in an item's history. */
export interface TriageEntry {
  status: ItemStatus;
  comment: string | null;
  actorTokenId: string | null;
  actorRole: string;
  at: string;
}

/** Who triaged: the token (null for the bootstrap rule) and its role. */
export interface Actor {
  tokenId: string | null;
  role: string;
}

/** Counts per bucket start (ISO) and tag or category. */
export interface Trends {
  tags: Array<{ bucket: string; tag: string; label: string; count: number }>;
  categories: Array<{ bucket: string; category: string; count: number }>;
}

/**
 * GET /v1/agent/summary: the agent's live captures with capturedAt in [from, to), how many of them
 * a lead has triaged (status past 'new': reviewed, actioned or declined) and how many are actioned.
 */
export interface AgentSummary {
  from: string;
  to: string;
  captures: number;
  reviewed: number;
  actioned: number;
}

/** Filter values present in a scope, with their item counts (deleted items excluded). */
export interface Facets {
  tags: Array<{ id: string; label: string; category: string; count: number }>;
  agents: Array<{ id: string; name: string; count: number }>;
  sites: Array<{ site: string; count: number }>;
}

/** Orders of GET /v1/themes: most items, most growth within the range, latest item first. */
export const THEME_SORTS = ['count', 'growth', 'recent'] as const;
/** One theme order. */
export type ThemeSort = (typeof THEME_SORTS)[number];

/** Filters of a theme listing: the item filters (counts are within them), an order and a page. */
export type ThemeFilter = Omit<ItemFilter, 'cursor' | 'sort' | 'ids' | 'theme' | 'includeDeleted'> & {
  sort: ThemeSort;
  offset: number;
};

/** A theme as a lead lists it; every count is within the listing's filters. */
export interface ThemeSummary {
  id: string;
  title: string;
  count: number;
  agents: number;
  tags: Array<{ id: string; label: string; count: number }>;
  firstSeen: string;
  lastSeen: string;
  /** Items in the later half of the range minus the earlier half (the range: from/to, else the items'). */
  growth: number;
  weekly: Array<{ week: string; count: number }>;
}

/** A lead's change to themes: done, or what was not found in the caller's scope. */
export type ThemeEditResult = { ok: true; themeId: string } | { ok: false; notFound: 'item' | 'theme' };

/** A token as looked up by its hash (the plaintext is never stored). */
export interface TokenRecord {
  id: string;
  hash: string;
  role: Role;
  teamId: string | null;
  agentId: string | null;
  /** The sign-in session a token was handed out for; null for tokens made with the CLI. */
  sessionId?: string | null;
}

/** A token as an admin lists it: never the token or its hash. Times are ISO; null = never / not revoked. */
export interface TokenInfo {
  id: string;
  role: Role;
  teamId: string | null;
  agentId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The hub's storage: one interface; PGlite and PostgreSQL share the SQL (sql-store/). */
export interface HubStore extends DigestStore, SignInStore {
  /**
   * Keeps the highest revision per item id; re-delivered revisions are harmless. `agentVerified`:
   * the batch came with the agent token of the agent every item names (recorded per revision).
   */
  upsertItems(items: Item[], teamId?: string | null, agentVerified?: boolean): Promise<UpsertResult>;
  /** Captures in `sort` order (newest first by default), filtered; deleted items only with includeDeleted. */
  listItems(filter: ItemFilter): Promise<HubItem[]>;
  /** How many items match the filter (cursor and limit ignored). */
  countItems(filter: Omit<ItemFilter, 'limit' | 'cursor' | 'sort'>): Promise<number>;
  /** The values the review page offers as filters: tags, agents and sites seen in scope. */
  facets(scope: Scope): Promise<Facets>;
  getItem(id: string, scope: Scope): Promise<(HubItem & { history: TriageEntry[] }) | null>;
  /** Sets the status of the in-scope ids, one history row each; returns the ids changed. */
  triage(
    ids: string[],
    status: ItemStatus,
    comment: string | null,
    actor: Actor,
    scope: Scope,
  ): Promise<string[]>;
  /** Themes with items matching the filter, in scope, one page (`limit` from `offset`). */
  listThemes(filter: ThemeFilter): Promise<ThemeSummary[]>;
  /** Ids of the live items of a theme in scope (a merged-away id stands for its survivor); null: no such theme. */
  themeItemIds(themeId: string, scope: Scope): Promise<string[] | null>;
  /** A lead moves an item into a theme of its team (it becomes an example of that theme). */
  moveItemToTheme(itemId: string, themeId: string, scope: Scope): Promise<ThemeEditResult>;
  /** A lead merges themes of one team into the first; returns the surviving id. */
  mergeThemes(ids: string[], scope: Scope): Promise<ThemeEditResult>;
  /** A lead names a theme (an empty title gives back the central note). */
  renameTheme(themeId: string, title: string, scope: Scope): Promise<ThemeEditResult>;
  /** Groups every team's ungrouped items (hub start); returns how many were grouped. */
  backfillThemes(): Promise<number>;
  /** Counts of the scope's live captures in [from, to): all, triaged past 'new', actioned. */
  agentSummary(options: { from: string; to: string; scope: Scope }): Promise<AgentSummary>;
  trends(options: { bucket: 'day' | 'week'; from?: string; to?: string; scope: Scope }): Promise<Trends>;
  /** Failure and value demand per bucket, by cause and theme, against the previous period (server/demand.ts). */
  demand(query: DemandQuery & { scope: Scope }): Promise<Demand>;
  createTeam(name: string, secret: string): Promise<{ id: string; name: string }>;
  findTeam(name: string): Promise<{ id: string; name: string } | null>;
  countTeams(): Promise<number>;
  /** Adds a new secret; the team's older ones stay valid until now + graceMs. */
  rotateSecret(teamId: string, secret: string, graceMs: number): Promise<void>;
  /** Makes the team refuse webhook deliveries without one of its agent tokens (or accept them again). */
  setRequireAgentToken(teamId: string, required: boolean): Promise<void>;
  /** Whether the team refuses webhook deliveries without one of its agent tokens; false for no such team. */
  requiresAgentToken(teamId: string): Promise<boolean>;
  /** Makes the team take deliveries only with a signed-in agent's access token (or any agent token again). */
  setRequireSignedInAgents(teamId: string, required: boolean): Promise<void>;
  /** Whether the team takes deliveries only with a sign-in session's access token; false for no such team. */
  requiresSignedInAgents(teamId: string): Promise<boolean>;
  /** Secrets that verify at `now`, with their team; only that team's when `teamId` is given. */
  activeSecrets(now: Date, teamId?: string): Promise<Array<{ teamId: string; secret: string }>>;
  createToken(token: Omit<TokenRecord, 'id'>): Promise<{ id: string }>;
  /** The unrevoked token with this hash; a revoked one is never found (no cache in between). */
  findToken(hash: string): Promise<TokenRecord | null>;
  /** Tokens of one team (teamId given) or all tokens (undefined), oldest first, revoked ones included. */
  listTokens(teamId?: string): Promise<TokenInfo[]>;
  /** Marks the token revoked; false when no unrevoked token has this id. */
  revokeToken(id: string): Promise<boolean>;
  /** Records that the token authenticated at `at`. */
  touchToken(id: string, at: Date): Promise<void>;
  hasTokens(): Promise<boolean>;
  /**
   * The schema version the database is at, read from it (GET /readyz): throws when the database
   * does not answer. This hub's own version is `SCHEMA_VERSION` (server/db/sql.ts).
   */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}
