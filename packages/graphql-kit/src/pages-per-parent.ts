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
  /** Extra condition on `t`, e.g. `t.status = 'completed'`. */
  where?: string;
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
  const rows: TRow[] = await db.query(
    `SELECT x.* FROM unnest($1::uuid[]) AS p(id)
     CROSS JOIN LATERAL (
       SELECT t.* FROM ${query.table} t
       WHERE t.${query.parentColumn} = p.id
         ${query.where ? `AND ${query.where}` : ''}
         ${after ? `AND (${a.sql}, ${b.sql}) ${dir === 'ASC' ? '>' : '<'} ($3::${CAST[a.part]}, $4::${CAST[b.part]})` : ''}
       ORDER BY ${a.sql} ${dir}, ${b.sql} ${dir}
       LIMIT $2
     ) x`,
    [parentIds, page.first + 1, ...(after ?? [])],
  );
  return groupByKey(parentIds, rows.map(query.map), query.parentOf).map((items) => pageFrom(items, page.first, query.cursorOf));
}
