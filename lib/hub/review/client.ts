import { HubError } from '../errors';
import { type HubConnection, hubJson, hubRequest } from '../http';
import { type Demand, DemandSchema } from './demand-schema';
import { dateRange, filterParams, type ReviewFilters } from './query';
import {
  type BulkResult,
  BulkResultSchema,
  type Facets,
  FacetsSchema,
  type ItemDetail,
  ItemDetailSchema,
  type ItemsPage,
  ItemsPageSchema,
  type ReviewStatus,
} from './schemas';
import { type ThemesClient, themeMethods } from './themes-client';

// Upper bounds for answers: a page of 500 items is well under 2 MB; a 50,000-row CSV under 64 MB.
const JSON_MAX = 8 * 1024 * 1024;
const SMALL_MAX = 512 * 1024;
const CSV_MAX = 96 * 1024 * 1024;
// A page of items with its total may take a while on a big hub; the export is built whole first.
const PAGE_TIMEOUT_MS = 15_000;
const CSV_TIMEOUT_MS = 120_000;
/** The hub's limit on ids per bulk triage. */
export const BULK_CHUNK = 500;

/** Options for one page of items. */
export interface PageOptions {
  cursor?: string | null;
  limit?: number;
  /** Ask for the filter's total (one count query on the hub): do it on the first page only. */
  withTotal?: boolean;
  signal?: AbortSignal;
}

/** The lead API as typed calls; each one throws a HubError on failure. */
export interface ReviewClient extends ThemesClient {
  listItems(filters: ReviewFilters, options?: PageOptions): Promise<ItemsPage>;
  getItem(id: string, signal?: AbortSignal): Promise<ItemDetail>;
  triage(id: string, status: ReviewStatus, comment: string): Promise<ItemDetail>;
  /** Triage many items, BULK_CHUNK ids per request; results are merged. */
  bulkTriage(ids: string[], status: ReviewStatus, comment: string): Promise<BulkResult>;
  /** Failure and value demand per week over the range (the hub's 12 weeks when `from` is empty). */
  demand(range: Pick<ReviewFilters, 'from' | 'to'>, signal?: AbortSignal): Promise<Demand>;
  facets(signal?: AbortSignal): Promise<Facets>;
  /** The CSV export for these filters, as a Blob ready to save. */
  exportCsv(filters: ReviewFilters, signal?: AbortSignal): Promise<Blob>;
}

const ID = /^[0-9a-f-]{36}$/i;

function triageBody(status: ReviewStatus, comment: string) {
  const trimmed = comment.trim();
  return trimmed ? { status, comment: trimmed.slice(0, 2000) } : { status };
}

/** A client for the hub at lead.url, authenticated with the lead token or a lead's sign-in. */
export function createReviewClient(lead: HubConnection): ReviewClient {
  const conn: HubConnection = { ...lead, timeoutMs: lead.timeoutMs ?? PAGE_TIMEOUT_MS };
  return {
    ...themeMethods(conn),

    listItems(filters, options = {}) {
      const params = filterParams(filters);
      params.set('limit', String(options.limit ?? 100));
      if (options.cursor) params.set('cursor', options.cursor);
      if (options.withTotal) params.set('total', 'true');
      return hubJson(conn, `/v1/items?${params}`, ItemsPageSchema, {
        maxBytes: JSON_MAX,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },

    getItem(id, signal) {
      if (!ID.test(id)) return Promise.reject(new HubError('http', 'not an item id'));
      return hubJson(conn, `/v1/items/${id}`, ItemDetailSchema, {
        maxBytes: SMALL_MAX,
        ...(signal ? { signal } : {}),
      });
    },

    triage(id, status, comment) {
      if (!ID.test(id)) return Promise.reject(new HubError('http', 'not an item id'));
      return hubJson(conn, `/v1/items/${id}`, ItemDetailSchema, {
        method: 'PATCH',
        json: triageBody(status, comment),
        maxBytes: SMALL_MAX,
      });
    },

    async bulkTriage(ids, status, comment) {
      const result: BulkResult = { updated: [], notFound: [] };
      for (let i = 0; i < ids.length; i += BULK_CHUNK) {
        const part = await hubJson(conn, '/v1/items/triage', BulkResultSchema, {
          method: 'POST',
          json: { ids: ids.slice(i, i + BULK_CHUNK), ...triageBody(status, comment) },
          maxBytes: JSON_MAX,
        });
        result.updated.push(...part.updated);
        result.notFound.push(...part.notFound);
      }
      return result;
    },

    demand(range, signal) {
      const params = new URLSearchParams({ bucket: 'week', ...dateRange(range) });
      return hubJson(conn, `/v1/demand?${params}`, DemandSchema, {
        maxBytes: JSON_MAX,
        ...(signal ? { signal } : {}),
      });
    },

    facets(signal) {
      return hubJson(conn, '/v1/facets', FacetsSchema, { maxBytes: JSON_MAX, ...(signal ? { signal } : {}) });
    },

    async exportCsv(filters, signal) {
      const bytes = await hubRequest(conn, `/v1/items.csv?${filterParams(filters)}`, {
        maxBytes: CSV_MAX,
        accept: 'text/csv',
        timeoutMs: CSV_TIMEOUT_MS,
        ...(signal ? { signal } : {}),
      });
      return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    },
  };
}
