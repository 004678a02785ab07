import { useState } from 'react';
import { readFragment, type FragmentOf, type ResultOf } from 'gql.tada';
import { useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { decimal, LineChart, percent, StackedBars, Suppressed, type StackedRow } from './charts';
import { download } from './downloads';
import { Heatmap } from './Heatmap';
import { ReportDetails } from './ReportDetails';
import { DIMENSIONS, filterOf, type FilterState } from './report-filter';
import { FiguresFragment, MeansFragment, ReportQuery } from './report-query';

type Figures = FragmentOf<typeof FiguresFragment>;

const BELONGING = ['Host practice or service', 'Network or service team', 'Both', 'Nowhere'];
/** The constructs the charts follow over time and tenure, when the instrument scores them. */
const FOLLOWED = ['belonging', 'peer_support', 'intention_to_stay'];

/** The response rate with what it compares: those who answered in the period, of those invited in it. */
function responseRateText(report: { invited: number | null; completed: number | null; responseRate: number | null }): string {
  if (report.responseRate !== null) return `${percent(report.responseRate)} (${report.completed} answered of ${report.invited} invited)`;
  if (report.invited !== null && report.completed !== null) return `Not shown: ${report.completed} answered in this period, more than the ${report.invited} invited in it`;
  return 'Suppressed';
}

function belongingRow(label: string, masked: Figures | null | undefined): StackedRow | null {
  if (!masked) return null;
  const f = readFragment(FiguresFragment, masked);
  if (f.suppressed || !f.belongingMap) return { label, n: null, parts: null, reason: f.reason };
  const m = f.belongingMap;
  return { label, n: m.n, parts: [m.host.share ?? 0, m.team.share ?? 0, m.both.share ?? 0, m.nowhere.share ?? 0] };
}

function ConstructsTable({ groups }: { groups: [string, Figures | null | undefined][] }) {
  const shown = groups.flatMap(([label, masked]) => (masked ? [[label, readFragment(FiguresFragment, masked)] as const] : []));
  return (
    <TableScroll label="Constructs">
      <table>
        <caption>Constructs, 0–10 (95% interval), favourable share and internal consistency</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Construct</th>
            <th scope="col">n</th>
            <th scope="col">Mean</th>
            <th scope="col">95% interval</th>
            <th scope="col">Favourable</th>
            <th scope="col">Alpha (n)</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap(([label, f]) =>
            f.suppressed
              ? [
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td colSpan={6}>
                      <Suppressed reason={f.reason} />
                    </td>
                  </tr>,
                ]
              : f.constructs.map((c) => (
                  <tr key={`${label}-${c.code}`}>
                    <th scope="row">{label}</th>
                    <td>{c.name}</td>
                    <td className="number">{c.n}</td>
                    <td className="number">{decimal(c.mean)}</td>
                    <td className="number">
                      {decimal(c.low)}–{decimal(c.high)}
                    </td>
                    <td className="number">{percent(c.favourable.share)}</td>
                    <td className="number">{c.alpha === null ? '–' : `${c.alpha.toFixed(2)} (${c.alphaN})`}</td>
                  </tr>
                )),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

type Means = ResultOf<typeof MeansFragment>;

const meanOf = (figures: Means, code: string) => (figures.suppressed ? null : (figures.constructs.find((c) => c.code === code)?.mean ?? null));

/** Construct means along a line of groups (quarters, tenure bands): a line chart and its table. */
function MeansOver(props: { id: string; heading: string; chartTitle: string; column: string; points: { label: string; figures: Means }[]; followed: string[]; nameOf: (code: string) => string }) {
  const { id, heading, chartTitle, column, points, followed, nameOf } = props;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <LineChart
        title={chartTitle}
        categories={points.map((p) => p.label)}
        series={followed.map((code) => ({ name: nameOf(code), values: points.map((p) => meanOf(p.figures, code)) }))}
      />
      <TableScroll label={heading}>
        <table>
          <caption>{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">Responses</th>
              {followed.map((code) => (
                <th scope="col" key={code}>
                  {nameOf(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                {p.figures.suppressed ? (
                  <td colSpan={followed.length + 1}>
                    <Suppressed reason={p.figures.reason} />
                  </td>
                ) : (
                  <>
                    <td className="number">{p.figures.responded}</td>
                    {followed.map((code) => (
                      <td className="number" key={code}>
                        {decimal(meanOf(p.figures, code))}
                      </td>
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The role evaluation for the chosen filters: figures, charts with their tables, and exports. */
export function ReportView({ state }: { state: FilterState }) {
  const filter = filterOf(state);
  const [{ data, error, fetching }] = useQuery({ query: ReportQuery, variables: { filter, by: state.by } });
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (!data || fetching) return <p role="status">Working out the report…</p>;
  const report = data.roleEvaluation;
  const whole = readFragment(FiguresFragment, report.figures);
  const dimension = DIMENSIONS.find(([d]) => d === state.by)?.[1] ?? state.by;
  const belonging = [
    belongingRow('This filter', report.figures),
    belongingRow('Other roles (peers)', report.peerRoles),
    belongingRow('All trusts (benchmark)', report.benchmark),
    ...report.breakdown.rows.map((row) => belongingRow(row.label, row.figures)),
  ].filter((row): row is StackedRow => row !== null);
  const followed = FOLLOWED.filter((code) => whole.constructs.some((c) => c.code === code));
  const nameOf = (code: string) => whole.constructs.find((c) => c.code === code)?.name ?? code;
  const exportAs = async (kind: 'xlsx' | 'csv') => {
    setExporting(true);
    setExportProblem(await download(kind, filter, state.by));
    setExporting(false);
  };

  return (
    <div className="report">
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        {whole.suppressed ? (
          <p className="notice card">
            <Suppressed reason={whole.reason} />
          </p>
        ) : null}
        <dl className="counts">
          <dt>Responses in these figures</dt>
          <dd>{whole.responded ?? 'Suppressed'}</dd>
          <dt>Invited</dt>
          <dd>{report.invited ?? 'Suppressed'}</dd>
          <dt>Response rate</dt>
          <dd>{responseRateText(report)}</dd>
          <dt>Smallest group shown</dt>
          <dd>{report.minimumGroupSize}</dd>
          <dt>Isolation risk</dt>
          <dd>{whole.isolationRisk ? `${percent(whole.isolationRisk.share)} of ${whole.isolationRisk.n}` : '–'}</dd>
          <dt>Leaning towards leaving</dt>
          <dd>{whole.intentionToLeave ? `${percent(whole.intentionToLeave.share)} of ${whole.intentionToLeave.n}` : '–'}</dd>
        </dl>
        {report.releasedLinks.length > 0 && (
          <p className="note">
            The personal links of {report.releasedLinks.length === 1 ? 'one campaign' : `${report.releasedLinks.length} campaigns`} in this report were released to admins for
            hand delivery. Answers given since count in these figures, but never towards the smallest group shown.
          </p>
        )}
        <div className="actions no-print">
          <button type="button" disabled={exporting} onClick={() => void exportAs('xlsx')}>
            Download XLSX (every table)
          </button>
          <button type="button" disabled={exporting} onClick={() => void exportAs('csv')}>
            Download CSV (constructs)
          </button>
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <a href="/graphql">Open the GraphQL explorer</a>
        </div>
        {exportProblem && (
          <p role="alert" className="error">
            {exportProblem}
          </p>
        )}
      </section>

      <section aria-labelledby="belonging-heading">
        <h2 id="belonging-heading">Where people feel they belong</h2>
        <StackedBars title="The belonging map: shares of each group" legend={BELONGING} rows={belonging} />
        <TableScroll label="The belonging map">
          <table>
            <caption>The belonging map</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">n</th>
                {BELONGING.map((b) => (
                  <th scope="col" key={b}>
                    {b}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {belonging.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.parts ? (
                    <>
                      <td className="number">{row.n}</td>
                      {row.parts.map((part, i) => (
                        <td className="number" key={BELONGING[i]}>
                          {percent(part)}
                        </td>
                      ))}
                    </>
                  ) : (
                    <td colSpan={5}>
                      <Suppressed reason={row.reason ?? null} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="constructs-heading">
        <h2 id="constructs-heading">Constructs</h2>
        <ConstructsTable
          groups={[
            ['This filter', report.figures],
            ['Other roles (peers)', report.peerRoles],
            ['All trusts (benchmark)', report.benchmark],
          ]}
        />
      </section>

      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">By role and setting</h2>
        <Heatmap state={state} constructs={whole.constructs.map((c) => ({ code: c.code, name: c.name }))} />
      </section>

      <section aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">By {dimension.toLowerCase()}</h2>
        <TableScroll label={`By ${dimension}`}>
          <table>
            <caption>
              {dimension}: responses and construct means{report.breakdown.unattributed ? `; ${report.breakdown.unattributed.responded} more are counted in the total only` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                <th scope="col">Responses</th>
                {whole.constructs.map((c) => (
                  <th scope="col" key={c.code}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.breakdown.rows.map((row) => {
                const f = readFragment(FiguresFragment, row.figures);
                return (
                  <tr key={row.key ?? row.label}>
                    <th scope="row">{row.label}</th>
                    {f.suppressed ? (
                      <td colSpan={whole.constructs.length + 1}>
                        <Suppressed reason={f.reason} />
                      </td>
                    ) : (
                      <>
                        <td className="number">{f.responded}</td>
                        {whole.constructs.map((c) => (
                          <td className="number" key={c.code}>
                            {decimal(f.constructs.find((x) => x.code === c.code)?.mean)}
                          </td>
                        ))}
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <MeansOver
        id="trend"
        heading="Trend by quarter"
        chartTitle="Construct means by quarter answered (0–10)"
        column="Quarter"
        points={report.trend.map((p) => ({ label: p.period, figures: readFragment(MeansFragment, p.figures) }))}
        followed={followed}
        nameOf={nameOf}
      />
      <MeansOver
        id="tenure"
        heading="By months in post"
        chartTitle="The tenure curve: construct means by months in post (0–10)"
        column="Months in post"
        points={report.tenureCurve.map((p) => ({ label: `${p.fromMonths}–${p.toMonths ?? ''}`, figures: readFragment(MeansFragment, p.figures) }))}
        followed={followed}
        nameOf={nameOf}
      />
      <ReportDetails filter={filter} />
    </div>
  );
}
