import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import type { ResultOf } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';
import { HeatCell, Suppressed } from './charts';
import { filterOf, type FilterState } from './report-filter';
import { HeatmapRowQuery, ReportOptionsQuery } from './report-query';

type Row = ResultOf<typeof HeatmapRowQuery>['roleEvaluation']['breakdown']['rows'][number];

/**
 * A construct's mean for each role (rows) in each setting (columns): one breakdown by setting
 * per role, so every cell is suppressed or shown by the same rules as any other figure.
 */
export function Heatmap({ state, constructs }: { state: FilterState; constructs: { code: string; name: string }[] }) {
  const client = useClient();
  const [{ data: options }] = useQuery({ query: ReportOptionsQuery });
  const [construct, setConstruct] = useState(constructs[0]?.code ?? 'belonging');
  const [rows, setRows] = useState<{ role: string; cells: Row[] }[] | null>(null);
  const roleIds = state.roleIds.length ? state.roleIds : (options?.roles ?? []).map((r) => r.id);
  const key = JSON.stringify([state, roleIds]);
  useEffect(() => {
    if (!options) return;
    let current = true;
    setRows(null);
    void Promise.all(
      roleIds.map(async (roleId) => {
        const result = await client.query(HeatmapRowQuery, { filter: { ...filterOf(state), roleIds: [roleId] } }).toPromise();
        return { role: options.roles.find((r) => r.id === roleId)?.name ?? roleId, cells: result.data?.roleEvaluation.breakdown.rows ?? [] };
      }),
    ).then((found) => {
      // Roles with nothing at all to show are left out; their groups are suppressed in every cell.
      if (current) setRows(found.filter((r) => r.cells.some((c) => !c.figures.suppressed)));
    });
    return () => {
      current = false;
    };
    // The key stands for the state and roles: a new object each render would refetch forever.
  }, [key, options]);
  if (!rows) return <p role="status">Working out each role…</p>;
  if (!rows.length) return <p>No role has a setting with enough responses to show.</p>;
  const settings = rows[0]!.cells.map((c) => ({ key: c.key, label: c.label }));
  const name = constructs.find((c) => c.code === construct)?.name ?? construct;
  return (
    <>
      <label>
        Construct
        <select value={construct} onChange={(e) => setConstruct(e.target.value)}>
          {constructs.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <TableScroll label="Heatmap by role and setting">
        <table className="heatmap">
          <caption>{name}: mean (0–10) by role and setting; darker is higher</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              {settings.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.role}>
                <th scope="row">{row.role}</th>
                {row.cells.map((cell) =>
                  cell.figures.suppressed ? (
                    <HeatCell key={cell.key} value={null}>
                      <Suppressed reason={null} />
                    </HeatCell>
                  ) : (
                    <HeatCell key={cell.key} value={cell.figures.constructs.find((c) => c.code === construct)?.mean ?? null} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">A suppressed cell has fewer than the smallest group shown, or could only be shown by revealing a smaller group.</p>
    </>
  );
}
