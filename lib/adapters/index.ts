import { MatchPattern } from 'wxt/utils/match-patterns';
import { generic } from './generic';
import type { Adapter } from './types';
import { zendesk } from './zendesk';

/** Built-in adapters, most specific first; generic is the fallback. */
export const ADAPTERS: readonly Adapter[] = [zendesk];

/** The adapter for a URL: the first built-in one whose pattern matches, else generic. */
export function adapterFor(url: URL): Adapter {
  return ADAPTERS.find((a) => a.matches.some((m) => new MatchPattern(m).includes(url))) ?? generic;
}

export type { Adapter, TicketContext } from './types';
