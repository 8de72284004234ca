import type { ItemFilter, ItemSort, Scope } from '../store';

/** WHERE clauses and their parameters, numbered as they are added (never spliced values). */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a clause; `$?` in it is replaced by the next parameter's number. */
  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('$?', `$${this.params.length}`));
    return this;
  }

  /** The next parameter's placeholder, for the caller's own clauses (LIMIT etc.). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Restricts to a team and/or agent. */
export function scoped(where: Where, scope: Scope | undefined): Where {
  if (scope?.teamId !== undefined) where.add('team_id = $?', scope.teamId);
  if (scope?.agentId !== undefined) where.add('agent_id = $?', scope.agentId);
  return where;
}

const SEARCH_DOC = `to_tsvector('simple', coalesce(data->>'note', '') || ' ' || coalesce(data->>'quote', ''))`;

/** The filters of GET /v1/items, CSV and trends, as SQL. */
export function itemWhere(filter: Omit<ItemFilter, 'limit'>): Where {
  const where = scoped(new Where(), filter.scope);
  if (!filter.includeDeleted) where.clauses.push('NOT deleted');
  // jsonb containment uses the GIN index on data->'tags'.
  if (filter.ids) where.add('id = ANY($?::uuid[])', filter.ids);
  if (filter.theme) where.add('theme_id = $?::uuid', filter.theme);
  if (filter.tag) where.add(`data->'tags' @> $?::jsonb`, JSON.stringify([{ id: filter.tag }]));
  if (filter.category)
    where.add(`data->'tags' @> $?::jsonb`, JSON.stringify([{ category: filter.category }]));
  if (filter.agent) where.add('agent_id = $?', filter.agent);
  if (filter.status) where.add('status = $?', filter.status);
  if (filter.site) where.add('site = $?', filter.site);
  if (filter.from) where.add('captured_at >= $?::timestamptz', filter.from);
  if (filter.to) where.add('captured_at < $?::timestamptz', filter.to);
  if (filter.q) where.add(`${SEARCH_DOC} @@ plainto_tsquery('simple', $?)`, filter.q);
  if (filter.cursor) {
    const at = where.param(filter.cursor.capturedAt);
    const id = where.param(filter.cursor.id);
    // Row comparison continues after the cursor in the listing's own direction (keyset paging).
    const after = filter.sort === 'oldest' ? '>' : '<';
    where.clauses.push(`(captured_at, id) ${after} (${at}::timestamptz, ${id}::uuid)`);
  }
  return where;
}

/** ORDER BY for a listing; both directions walk the (team_id, captured_at, id) index. */
export function itemOrder(sort: ItemSort | undefined): string {
  return sort === 'oldest' ? 'ORDER BY captured_at ASC, id ASC' : 'ORDER BY captured_at DESC, id DESC';
}
