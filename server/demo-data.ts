import { DEFAULT_TAXONOMY } from '../lib/config/taxonomy-default';
import type { TaxonomyTag } from '../lib/config/taxonomy-tag';
import type { Agent, Item, ItemTag } from '../lib/schema';
import { PHRASES, SLOTS, SPIKE_COMPETITOR } from './demo-phrases';
import { demoSource, pick, type Random, seededRandom, weighted } from './demo-sources';

/** The demo team's name. */
export const DEMO_TEAM = 'Tier 1';

/** The demo agents (id, name, team "Tier 1"); the first is the one `npm start` signs the browser in as. */
export const DEMO_AGENTS: Agent[] = [
  { id: 'dana.whitfield', name: 'Dana Whitfield', team: DEMO_TEAM },
  { id: 'omar.haddad', name: 'Omar Haddad', team: DEMO_TEAM },
  { id: 'lena.kowalski', name: 'Lena Kowalski', team: DEMO_TEAM },
  { id: 'tomas.reyes', name: 'Tomás Reyes', team: DEMO_TEAM },
  { id: 'aisha.bello', name: 'Aisha Bello', team: DEMO_TEAM },
  { id: 'james.okoro', name: 'James Okoro', team: DEMO_TEAM },
  { id: 'mei.lin', name: 'Mei Lin', team: DEMO_TEAM },
  { id: 'sofia.marin', name: 'Sofia Marin', team: DEMO_TEAM },
];

/** How many weeks before the last one the competitor spike sits (the third-last week). */
export const SPIKE_WEEKS_AGO = 2;

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const PLACEHOLDER = /\[(?:email|phone|card|iban|ssn)\]/g;

// Baseline captures per tag per week (relative); trends are applied on top in tagWeights.
const BASE: Record<string, number> = {
  'feature-request': 10,
  bug: 8,
  'product-feedback': 6,
  'competitor-mention': 3,
  pricing: 6,
  praise: 5,
  complaint: 5,
  'churn-risk': 3,
  chaser: 4,
  'repeat-contact': 4,
  'unclear-information': 6,
  'our-error': 3,
};
// A capture sometimes carries a second, related tag.
const PAIRS: Record<string, string> = {
  chaser: 'repeat-contact',
  complaint: 'churn-risk',
  'competitor-mention': 'pricing',
  bug: 'repeat-contact',
  'our-error': 'complaint',
  pricing: 'unclear-information',
};

/**
 * Relative weight of each taxonomy tag in week `week` (0 = oldest): chasers and repeat contacts
 * grow week over week (failure demand rising), competitor mentions spike in one week.
 */
function tagWeights(taxonomy: readonly TaxonomyTag[], week: number, weeks: number): number[] {
  const spike = week === weeks - 1 - SPIKE_WEEKS_AGO;
  return taxonomy.map(({ id }) => {
    if (id === 'chaser') return 3 + 2.5 * week;
    if (id === 'repeat-contact') return 3 + 1.2 * week;
    if (id === 'competitor-mention') return spike ? 18 : (BASE[id] ?? 3);
    return BASE[id] ?? 2;
  });
}

/** Slot values for one capture: the note and the quote name the same competitor, feature or plan. */
function slotsFor(rand: Random, spike: boolean): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const [slot, values] of Object.entries(SLOTS)) chosen[slot] = pick(rand, values);
  if (spike && rand() < 0.75) chosen.competitor = SPIKE_COMPETITOR;
  return chosen;
}

function fill(text: string, slots: Record<string, string>): string {
  const filled = text.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot] ?? slot);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

/** A uuidv7 (RFC 9562) for this millisecond, with its random bits from the seeded PRNG. */
function uuidv7(ms: number, rand: Random): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const r = (bits: number) => Math.floor(rand() * 2 ** bits);
  const tail = hex(r(24), 6) + hex(r(24), 6);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(r(12), 3)}-${hex(0x8000 | r(14), 4)}-${tail}`;
}

/** A weekday working-hours moment in week `week` (0 = oldest) of `weeks` before `now`, never after it. */
function momentIn(rand: Random, week: number, weeks: number, now: number): number {
  const start = now - (weeks - week) * WEEK;
  for (let tries = 0; tries < 8; tries++) {
    const day = Math.floor(rand() * 7);
    const t = start + day * DAY;
    const weekday = new Date(t).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rand() < 0.85) continue;
    const dayStart = t - (t % DAY);
    const at = dayStart + (7 * 60 + Math.floor(rand() * 11 * 60)) * 60_000 + Math.floor(rand() * 60_000);
    if (at > start && at < now) return at;
  }
  return start + Math.floor(rand() * Math.min(WEEK, now - start));
}

/** Deterministic, realistic demo items (valid Item v1 from lib/schema.ts) spread over `weeks` weeks before `now`. */
export function demoItems(
  count: number,
  options: { seed?: number; weeks?: number; now?: Date; agents?: Agent[] } = {},
): Item[] {
  const rand = seededRandom(options.seed ?? 7);
  const weeks = Math.max(1, options.weeks ?? 8);
  const now = (options.now ?? new Date()).getTime();
  const agents = options.agents?.length ? options.agents : DEMO_AGENTS;
  const taxonomy = DEFAULT_TAXONOMY;
  const byId = new Map(taxonomy.map((t) => [t.id, t]));
  const tagOf = (t: TaxonomyTag): ItemTag => ({ id: t.id, label: t.label, category: t.category });
  // Volume grows a little over time (more agents capturing); some agents capture more than others.
  const weekWeights = Array.from({ length: weeks }, (_, w) => 1 + 0.06 * w);
  const agentWeights = agents.map((_, i) => 1 + ((i * 7) % 5) / 2);
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const week = weighted(rand, weekWeights);
    const spike = week === weeks - 1 - SPIKE_WEEKS_AGO;
    const first = taxonomy[weighted(rand, tagWeights(taxonomy, week, weeks))] ?? (taxonomy[0] as TaxonomyTag);
    const second = PAIRS[first.id] && rand() < 0.15 ? byId.get(PAIRS[first.id] ?? '') : undefined;
    const phrases = PHRASES[first.id] ?? { subjects: ['Support request'], notes: ['Noted.'], quotes: [] };
    const hasQuote = phrases.quotes.length > 0 && rand() < 0.65;
    const slots = slotsFor(rand, spike);
    const note = !hasQuote || rand() < 0.85 ? fill(pick(rand, phrases.notes), slots) : null;
    const quote = hasQuote ? fill(pick(rand, phrases.quotes), slots) : null;
    const at = momentIn(rand, week, weeks, now);
    const iso = new Date(at).toISOString();
    items.push({
      id: uuidv7(at, rand),
      revision: 1,
      deleted: false,
      capturedAt: iso,
      updatedAt: iso,
      tags: second ? [tagOf(first), tagOf(second)] : [tagOf(first)],
      note,
      quote,
      source: demoSource(rand, pick(rand, phrases.subjects)),
      agent: { ...(agents[weighted(rand, agentWeights)] ?? (agents[0] as Agent)) },
      redactions: `${note ?? ''} ${quote ?? ''}`.match(PLACEHOLDER)?.length ?? 0,
    });
  }
  return items.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id));
}
