import { MatchPattern } from 'wxt/utils/match-patterns';
import { dynamics365 } from './dynamics365';
import { freshdesk } from './freshdesk';
import { front } from './front';
import { generic } from './generic';
import { gorgias } from './gorgias';
import { helpscout } from './helpscout';
import { hubspot } from './hubspot';
import { intercom } from './intercom';
import { kustomer } from './kustomer';
import { salesforce } from './salesforce';
import { servicenow } from './servicenow';
import type { Adapter } from './types';
import { zendesk } from './zendesk';
import { zohodesk } from './zohodesk';

/** Built-in adapters, most specific first; generic is the fallback. */
export const ADAPTERS: readonly Adapter[] = [
  zendesk,
  salesforce,
  freshdesk,
  hubspot,
  intercom,
  servicenow,
  dynamics365,
  zohodesk,
  helpscout,
  front,
  gorgias,
  kustomer,
];

/** The adapter for a URL: the first built-in one whose pattern matches, else generic. */
export function adapterFor(url: URL): Adapter {
  return ADAPTERS.find((a) => a.matches.some((m) => new MatchPattern(m).includes(url))) ?? generic;
}

export type { Adapter, TicketContext } from './types';
