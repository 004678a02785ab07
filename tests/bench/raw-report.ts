import type { Client } from 'pg';
import type { GroupedSums } from '@harbour/insights';
import { BELONG_WHERE_ITEM, OUTCOME_CONSTRUCTS, PEER_SUPPORT_CONSTRUCT, type Instrument, type ScoredItem } from '@harbour/survey-kit';

/**
 * The role-evaluation report's measures computed straight from raw answers: every response in
 * the filter read, its answers and scores unpacked, each measure derived again (the same ones
 * survey-kit's measuresOf gives the rollups) and summed. What the rollups save a report from.
 */

const COUNTED = new Set(['radiogroup', 'dropdown', 'boolean', 'rating']);
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** An item's score on 0–10 from the raw answer, null when unanswered. */
function itemSql(item: ScoredItem): string {
  const scaled = `((r.answers->>${quote(item.item)})::float8 - ${item.min}) / ${item.max - item.min} * 10`;
  return `(CASE WHEN jsonb_typeof(r.answers->${quote(item.item)}) = 'number' THEN ${item.reverse ? `10 - ${scaled}` : scaled} END)`;
}

function measuresSql(instrument: Instrument): string {
  const counted = instrument.json.pages.flatMap((p) => p.elements).filter((q) => COUNTED.has(q.type)).map((q) => quote(q.name));
  const parts = [
    `SELECT 'responses', 1::float8, 0, 0::float8`,
    `SELECT 'construct:' || key, (value->>'score')::float8, (value->>'favourable')::boolean::int, 0 FROM jsonb_each(r.sc)`,
    `SELECT 'dist:' || key || ':' || least(4, floor((value->>'score')::float8 / 2))::int, 1, 0, 0 FROM jsonb_each(r.sc)`,
    `SELECT 'choice:' || key || ':' || (value #>> '{}'), 1, 0, 0 FROM jsonb_each(r.answers) WHERE key IN (${counted.join(', ')}) AND jsonb_typeof(value) IN ('string', 'number', 'boolean')`,
  ];
  const items = new Map<string, ScoredItem>();
  for (const construct of instrument.scoring.constructs) {
    for (const item of construct.items) if (!items.has(item.item)) items.set(item.item, item);
    if (construct.items.length < 2) continue;
    const all = construct.items.map((i) => `${itemSql(i)} IS NOT NULL`).join(' AND ');
    parts.push(`SELECT ${quote(`alpha:${construct.code}`)}, ${construct.items.map(itemSql).join(' + ')}, 0, 0 WHERE ${all}`);
    for (const item of construct.items) parts.push(`SELECT ${quote(`alpha:${construct.code}:${item.item}`)}, ${itemSql(item)}, 0, 0 WHERE ${all}`);
  }
  for (const outcome of OUTCOME_CONSTRUCTS) {
    const spec = instrument.scoring.constructs.find((c) => c.code === outcome);
    if (!spec) continue;
    const own = new Set(spec.items.map((i) => i.item));
    for (const item of items.values()) {
      if (own.has(item.item)) continue;
      parts.push(
        `SELECT ${quote(`pair:${item.item}:${outcome}`)}, ${itemSql(item)}, 0, (r.sc->${quote(outcome)}->>'score')::float8 WHERE ${itemSql(item)} IS NOT NULL AND r.sc ? ${quote(outcome)}`,
      );
    }
  }
  parts.push(
    `SELECT 'flag:isolation_risk', x, x::int, 0 FROM (SELECT CASE WHEN r.answers->>${quote(BELONG_WHERE_ITEM)} = 'nowhere' AND NOT (r.sc->${quote(PEER_SUPPORT_CONSTRUCT)}->>'favourable')::boolean THEN 1 ELSE 0 END::float8 AS x) f
     WHERE jsonb_typeof(r.answers->${quote(BELONG_WHERE_ITEM)}) = 'string' AND r.sc ? ${quote(PEER_SUPPORT_CONSTRUCT)}`,
  );
  return parts.join('\n      UNION ALL ');
}

/**
 * Runs the raw scan over the responses `where` keeps (a condition on responses.response `r`),
 * summed for the whole, and per group for each of `groupings` (SQL expressions on `r`).
 */
export async function rawReport(owner: Client, instrument: Instrument, where: string, params: unknown[], groupings: Record<string, string>): Promise<Map<string, GroupedSums>> {
  const names = Object.keys(groupings);
  const columns = names.map((name) => `${groupings[name]} AS g_${name}`).join(', ');
  const sets = ['(measure)', ...names.map((name) => `(g_${name}, measure)`)].join(', ');
  const { rows } = await owner.query(
    `WITH r AS (
       SELECT ${columns ? `${columns},` : ''} r.answers,
              (SELECT jsonb_object_agg(s->>'code', s) FROM jsonb_array_elements(r.scores) s WHERE s->>'score' IS NOT NULL) AS sc
       FROM responses.response r WHERE r.status = 'completed' AND ${where}
     ), m AS (
       SELECT r.*, v.measure, v.x, v.fav, v.y FROM r CROSS JOIN LATERAL (
         ${measuresSql(instrument)}
       ) AS v(measure, x, fav, y)
     )
     SELECT ${names.map((n) => `g_${n}, GROUPING(g_${n}) AS all_${n},`).join(' ')} measure, count(*)::int AS n, sum(x) AS total, sum(x * x) AS total_sq, sum(fav)::int AS favourable,
            sum(y) AS total_y, sum(y * y) AS total_y_sq, sum(x * y) AS total_xy
     FROM m GROUP BY GROUPING SETS (${sets})`,
    params,
  );
  const result = new Map<string, GroupedSums>([['', new Map()], ...names.map((n) => [n, new Map()] as [string, GroupedSums])]);
  for (const row of rows as Record<string, unknown>[]) {
    const grouping = names.find((n) => row[`all_${n}`] === 0) ?? '';
    const key = grouping ? (row[`g_${grouping}`] as string | null) : null;
    const groups = result.get(grouping)!;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(row.measure as string, {
      n: row.n as number,
      total: Number(row.total),
      totalSq: Number(row.total_sq),
      favourable: row.favourable as number,
      totalY: Number(row.total_y),
      totalYSq: Number(row.total_y_sq),
      totalXy: Number(row.total_xy),
    });
  }
  return result;
}
