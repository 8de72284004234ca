import type { HubStore, ItemStatus } from '../store';
import { type Period, previousPeriod } from './period';
import type { ActionedRow } from './store';

/** Tag category of the agents' improvement ideas in the default taxonomy. */
export const IDEA_CATEGORY = 'Improvement idea';
/** Most themes, ideas and actioned items a digest lists (each list also says its total). */
export const DIGEST_LIST_MAX = 5;
const IDEAS_MAX = 10;

/** Failure demand in a period and the one before: counts, shares (0–1) and the change in share. */
export interface FailureDemand {
  count: number;
  share: number | null;
  previousCount: number;
  previousShare: number | null;
  /** share − previousShare (0.05 = five percentage points more); null when either is unknown. */
  change: number | null;
}

/** A growing theme with one sample of what was said (stored redacted). */
export interface DigestTheme {
  id: string;
  title: string;
  count: number;
  previous: number;
  growth: number;
  sample: { itemId: string; text: string } | null;
}

/** An improvement idea captured in the period. */
export interface DigestIdea {
  id: string;
  capturedAt: string;
  tags: string[];
  text: string | null;
  agent: string;
  status: ItemStatus;
}

/** One team's summary of a period, the body of GET /v1/digest and of every digest message. */
export interface Digest {
  team: { id: string; name: string };
  period: Period;
  previousPeriod: Period;
  captures: { count: number; previous: number };
  failureDemand: FailureDemand;
  themes: DigestTheme[];
  ideas: { total: number; items: DigestIdea[] };
  actioned: { total: number; items: ActionedRow[] };
}

// Failure demand is defined once, by GET /v1/demand (server/demand.ts: a tag in the category
// "Failure demand", any case); the digest takes its counts from the same query. Its shares are null
// where there were no captures at all ("no captures", not "none of them failure demand").
const shareOrNull = (share: number, total: number) => (total > 0 ? share : null);

/** Builds the team's digest of a period from the store (deleted items never count). */
export async function buildDigest(
  store: HubStore,
  team: { id: string; name: string },
  period: Period,
): Promise<Digest> {
  const previous = previousPeriod(period);
  const scope = { teamId: team.id };
  const { summary } = await store.demand({ ...period, bucket: 'week', scope });
  const { total, previousTotal, failure } = summary;
  const nowShare = shareOrNull(failure.share, total);
  const previousShare = shareOrNull(failure.previousShare, previousTotal);
  const growth = await store.themeGrowth(team.id, period, previous, DIGEST_LIST_MAX * 4);
  const themes = growth
    .map((t) => ({ ...t, growth: t.count - t.previous }))
    .filter((t) => t.growth > 0)
    .slice(0, DIGEST_LIST_MAX);
  const ideaFilter = { scope, ...period, category: IDEA_CATEGORY };
  const [ideaItems, ideaTotal, actioned] = await Promise.all([
    store.listItems({ ...ideaFilter, limit: IDEAS_MAX, sort: 'newest' }),
    store.countItems(ideaFilter),
    store.actionedItems(team.id, period, DIGEST_LIST_MAX),
  ]);
  return {
    team,
    period,
    previousPeriod: previous,
    captures: { count: total, previous: previousTotal },
    failureDemand: {
      count: failure.count,
      share: nowShare,
      previousCount: failure.previousCount,
      previousShare,
      change: nowShare !== null && previousShare !== null ? nowShare - previousShare : null,
    },
    themes,
    ideas: {
      total: ideaTotal,
      items: ideaItems.map(({ item, status }) => ({
        id: item.id,
        capturedAt: item.capturedAt,
        tags: item.tags.map((t) => t.label),
        text: item.note?.trim() || item.quote?.trim() || null,
        agent: item.agent.name,
        status,
      })),
    },
    actioned,
  };
}
