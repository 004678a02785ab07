import type { EntityManager } from 'typeorm';
import { decodeCursor, pageFrom, type CursorPart, type Page } from './connection';
import { groupByKey } from './loaders';

/** A sort key of a keyset page: a SQL expression over alias `t`, and what its cursor part holds. */
export interface SortKey {
  sql: string;
  part: CursorPart;
}

const CAST: Record<CursorPart, string> = { text: 'text', uuid: 'uuid', date: 'date' };

export interface PagesPerParentQuery<TRow, T> {
  /** Schema-qualified table, read as alias `t`. */
  table: string;
  /** Column of `t` holding the parent's id. */
  parentColumn: string;
  /** Extra condition on `t`, e.g. `t.status = 'completed'`; `param` binds a value and returns its placeholder. */
  where?: string | ((param: (value: unknown) => string) => string);
  /** Two keys, the last one unique (usually the id). */
  order: [SortKey, SortKey];
  direction: 'ASC' | 'DESC';
  map: (row: TRow) => T;
  parentOf: (item: T) => string;
  cursorOf: (item: T) => string[];
}

/**
 * One keyset page of children for each parent, all in one query (a LATERAL join over the
 * parent ids), for DataLoaders behind connection fields. Cursors are checked before SQL.
 */
export async function pagesPerParent<TRow, T>(
  db: EntityManager,
  parentIds: readonly string[],
  page: { first: number; after?: string | null },
  query: PagesPerParentQuery<TRow, T>,
): Promise<Page<T>[]> {
  const [a, b] = query.order;
  const after = page.after ? decodeCursor(page.after, [a.part, b.part]) : null;
  const dir = query.direction;
  const params: unknown[] = [parentIds, page.first + 1];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const where = typeof query.where === 'function' ? query.where(param) : query.where;
  const keyset = after ? `AND (${a.sql}, ${b.sql}) ${dir === 'ASC' ? '>' : '<'} (${param(after[0])}::${CAST[a.part]}, ${param(after[1])}::${CAST[b.part]})` : '';
  const rows: TRow[] = await db.query(
    `SELECT x.* FROM unnest($1::uuid[]) AS p(id)
     CROSS JOIN LATERAL (
       SELECT t.* FROM ${query.table} t
       WHERE t.${query.parentColumn} = p.id
         ${where ? `AND ${where}` : ''}
         ${keyset}
       ORDER BY ${a.sql} ${dir}, ${b.sql} ${dir}
       LIMIT $2
     ) x`,
    params,
  );
  return groupByKey(parentIds, rows.map(query.map), query.parentOf).map((items) => pageFrom(items, page.first, query.cursorOf));
}
