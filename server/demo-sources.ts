import { SITES, type Site, type Source } from '../lib/schema';

/** A PRNG returning floats in [0, 1), as made by {@link seededRandom}. */
export type Random = () => number;

/** mulberry32: a tiny seeded PRNG, so the same seed always gives the same demo data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max]. */
export function between(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rand: Random, list: readonly T[]): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** Index chosen with probability proportional to its weight. */
export function weighted(rand: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = rand() * total;
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

function chars(rand: Random, n: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rand() * alphabet.length)];
  return out;
}
const DIGITS = '0123456789';
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';

type Made = { url: string; ticketId: string; title: string };
type Maker = (rand: Random, subject: string) => Made;

/**
 * URL (origin + path, the extension's default URL mode), ticket id and page title as each CRM's
 * adapter reports them, for a ticket with this subject. The hosts are the ones the test CRM pages use.
 */
const MAKERS: Partial<Record<Site, Maker>> = {
  zendesk: (r, s) => {
    const id = String(between(r, 3000, 9999));
    return { url: `https://acme.zendesk.com/agent/tickets/${id}`, ticketId: id, title: `${s} – Zendesk` };
  },
  salesforce: (r, s) => {
    const id = `500Hs00001${chars(r, 5, ALNUM)}`;
    const url = `https://acme.lightning.force.com/lightning/r/Case/${id}/view`;
    return { url, ticketId: id, title: `${s} | Case | Salesforce` };
  },
  freshdesk: (r, s) => {
    const id = String(between(r, 1000, 4999));
    return { url: `https://acme.freshdesk.com/a/tickets/${id}`, ticketId: id, title: `${s} : Acme Support` };
  },
  hubspot: (r, s) => {
    const id = chars(r, 10, DIGITS).replace(/^0/, '1');
    return {
      url: `https://app.hubspot.com/contacts/2139471/ticket/${id}`,
      ticketId: id,
      title: `${s} | HubSpot`,
    };
  },
  intercom: (r, s) => {
    const id = chars(r, 12, DIGITS).replace(/^0/, '2');
    const url = `https://app.intercom.com/a/inbox/k2x9qz7a/inbox/shared/all/conversation/${id}`;
    return { url, ticketId: id, title: `${s} | Intercom` };
  },
  servicenow: (r, s) => {
    const id = `INC00${between(r, 10000, 99999)}`;
    return {
      url: 'https://acme.service-now.com/incident.do',
      ticketId: id,
      title: `${id} | ${s} | ServiceNow`,
    };
  },
  dynamics365: (r, s) => {
    const id = `CAS-${between(r, 10000, 99999)}-${chars(r, 6, 'BCDFGHJKLMNPQRSTVWXZ0123456789')}`;
    return {
      url: 'https://acme.crm.dynamics.com/main.aspx',
      ticketId: id,
      title: `Case: ${s} - Dynamics 365`,
    };
  },
  zohodesk: (r, s) => {
    const id = `2154678930${chars(r, 5, DIGITS)}`;
    const url = `https://desk.zoho.com/agent/acme/support/tickets/details/${id}`;
    return { url, ticketId: id, title: `${s} - Zoho Desk` };
  },
  helpscout: (r, s) => {
    const id = String(between(r, 1000, 9999));
    const url = `https://secure.helpscout.net/conversation/${chars(r, 10, DIGITS).replace(/^0/, '2')}/${id}`;
    return { url, ticketId: id, title: `#${id} ${s} - Help Scout` };
  },
  front: (r, s) => {
    const id = `cnv_${chars(r, 7, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    return { url: `https://app.frontapp.com/open/${id}`, ticketId: id, title: `${s} - Front` };
  },
  gorgias: (r, s) => {
    const id = String(between(r, 10_000_000, 49_999_999));
    return { url: `https://acme.gorgias.com/app/ticket/${id}`, ticketId: id, title: `${s} - Gorgias` };
  },
  kustomer: (r, s) => {
    const id = chars(r, 24, '0123456789abcdef');
    const url = `https://acme.kustomerapp.com/app/conversations/${id}`;
    return { url, ticketId: id, title: `${s} | Kustomer` };
  },
  generic: (r, s) => {
    const id = String(between(r, 100, 999));
    return {
      url: `https://helpdesk.acme-partners.example/cases/${id}`,
      ticketId: id,
      title: `Case ${id}: ${s}`,
    };
  },
};

/** A site with no maker above (a CRM added since): a plausible ticket on an example host. */
function exampleTicket(site: Site): Maker {
  return (r, s) => {
    const id = String(between(r, 1000, 9999));
    return { url: `https://acme.${site}.example/tickets/${id}`, ticketId: id, title: `${s} - ${site}` };
  };
}

// How often each site shows up: most of the team works in Zendesk, some queues live elsewhere.
const LISTED_WEIGHTS: ReadonlyArray<[Site, number]> = [
  ['zendesk', 30],
  ['salesforce', 14],
  ['freshdesk', 9],
  ['hubspot', 8],
  ['intercom', 8],
  ['servicenow', 5],
  ['zohodesk', 5],
  ['helpscout', 5],
  ['dynamics365', 4],
  ['front', 4],
  ['gorgias', 3],
  ['kustomer', 3],
  ['generic', 2],
];
/** Sites not weighted above come last, each as rare as generic, so every site shows up. */
const SITE_WEIGHTS: ReadonlyArray<[Site, number]> = [
  ...LISTED_WEIGHTS,
  ...SITES.filter((site) => !LISTED_WEIGHTS.some(([listed]) => listed === site)).map(
    (site): [Site, number] => [site, 2],
  ),
];

/** A plausible source for a capture from a ticket with this subject. */
export function demoSource(rand: Random, subject: string): Source {
  const [site] = SITE_WEIGHTS[
    weighted(
      rand,
      SITE_WEIGHTS.map(([, w]) => w),
    )
  ] ?? ['zendesk'];
  return { site, ...(MAKERS[site] ?? exampleTicket(site))(rand, subject) };
}
