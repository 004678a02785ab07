import type { EntityManager } from 'typeorm';
import { TrendInterval, type ReportDimension, type ReportFigures } from '../report/report.types';
import { benchmarkFor, breakdownOf, figuresFor, invitationFigures, peersFor, tenureCurveOf, trendOf, type Evaluation } from '../report/role-evaluation.service';

export type Cell = string | number | null;

/** One table of a report, as a sheet of a workbook or a CSV file. */
export interface ReportTable {
  name: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** The tables a report exports, by name (CSV exports one of them; XLSX all). */
export const TABLE_NAMES = ['summary', 'constructs', 'belonging', 'breakdown', 'trend', 'tenure', 'checklist', 'drivers'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const SUPPRESSED = 'suppressed';
const round = (x: number | null | undefined, places = 2) => (x === null || x === undefined ? null : Math.round(x * 10 ** places) / 10 ** places);
const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : round(share * 100, 1));

/** The construct codes any of these figures scored, in name order. */
function constructsOf(...all: (ReportFigures | null)[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const f of all) for (const c of f?.constructs ?? []) seen.set(c.code, c.name);
  return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** One row per group: its respondents (or why it is suppressed) and each construct's mean. */
function meansRow(label: Cell[], figures: ReportFigures, constructs: { code: string }[]): Cell[] {
  if (figures.suppressed) return [...label, SUPPRESSED, ...constructs.map(() => null), figures.reason];
  return [...label, figures.responded, ...constructs.map((c) => figures.constructs.find((x) => x.code === c.code)?.mean ?? null), null];
}

/** Builds every table of the evaluation, with `by` as the breakdown's dimension. */
export async function reportTables(db: EntityManager, ev: Evaluation, by: ReportDimension): Promise<ReportTable[]> {
  const figures = await figuresFor(db, ev);
  const invitations = await invitationFigures(db, ev, figures);
  const peers = await peersFor(db, ev);
  const benchmark = await benchmarkFor(db, ev);
  const breakdown = await breakdownOf(db, ev, by);
  const trend = await trendOf(db, ev, TrendInterval.QUARTER);
  const tenure = await tenureCurveOf(db, ev);
  const groups: [string, ReportFigures | null][] = [
    ['This filter', figures],
    ['Peer roles', peers],
    ['All trusts (benchmark)', benchmark],
  ];
  const constructs = constructsOf(figures, peers, benchmark, ...breakdown.rows.map((r) => r.figures));
  const means = constructs.map((c) => `${c.name} (mean, 0–10)`);

  return [
    {
      name: 'summary',
      title: 'Summary',
      columns: ['Item', 'Value'],
      rows: [
        ['Smallest group shown', ev.minimumGroupSize],
        ['Invited', invitations.invited ?? SUPPRESSED],
        ['Response rate (%)', percent(invitations.responseRate) ?? SUPPRESSED],
        ['Responses in these figures', figures.responded ?? SUPPRESSED],
        ['Why some groups are suppressed', 'Every figure is a sum over groups of at least the smallest group shown; groups that would reveal a smaller one are left out whole.'],
      ],
    },
    {
      name: 'constructs',
      title: 'Constructs',
      columns: ['Group', 'Construct', 'n', 'Mean (0–10)', '95% low', '95% high', 'Favourable (%)', "Cronbach's alpha", 'Alpha n', '0–2', '2–4', '4–6', '6–8', '8–10', 'Note'],
      rows: groups.flatMap(([group, f]): Cell[][] => {
        if (!f) return [];
        if (f.suppressed) return [[group, null, null, null, null, null, null, null, null, null, null, null, null, null, f.reason]];
        return f.constructs.map((c) => [group, c.name, c.n, c.mean, c.low, c.high, percent(c.favourable.share), c.alpha, c.alphaN, ...c.distribution, null]);
      }),
    },
    {
      name: 'belonging',
      title: 'Belonging map',
      columns: ['Group', 'n', 'Host (%)', 'Team (%)', 'Both (%)', 'Nowhere (%)', 'Isolation risk (%)', 'Isolation risk n', 'Leaning towards leaving (%)', 'Leaving n', 'Note'],
      rows: groups.flatMap(([group, f]): Cell[][] => {
        if (!f) return [];
        if (f.suppressed) return [[group, null, null, null, null, null, null, null, null, null, f.reason]];
        const map = f.belongingMap;
        return [
          [
            group,
            map?.n ?? null,
            percent(map?.host.share),
            percent(map?.team.share),
            percent(map?.both.share),
            percent(map?.nowhere.share),
            percent(f.isolationRisk?.share),
            f.isolationRisk?.n ?? null,
            percent(f.intentionToLeave?.share),
            f.intentionToLeave?.n ?? null,
            null,
          ],
        ];
      }),
    },
    {
      name: 'breakdown',
      title: `By ${by.replace('_', ' ')}`,
      columns: ['Group', 'Responses', ...means, 'Note'],
      rows: [
        ...breakdown.rows.map((row) => meansRow([row.label], row.figures, constructs)),
        ...(breakdown.unattributed ? [meansRow(['Not attributable to one group'], breakdown.unattributed, constructs)] : []),
      ],
    },
    {
      name: 'trend',
      title: 'Trend by quarter',
      columns: ['Quarter', 'Responses', ...means, 'Note'],
      rows: trend.map((point) => meansRow([point.period], point.figures, constructs)),
    },
    {
      name: 'tenure',
      title: 'Tenure curve',
      columns: ['Months in post', 'Responses', ...means, 'Note'],
      rows: tenure.map((point) => meansRow([`${point.fromMonths}–${point.toMonths ?? ''}`], point.figures, constructs)),
    },
    {
      name: 'checklist',
      title: 'Checklist',
      columns: ['Item', 'Question', 'Yes', 'n', 'Yes (%)'],
      rows: figures.checklist.map((c) => [c.item, c.question, c.yes.count, c.yes.n, percent(c.yes.share)]),
    },
    {
      name: 'drivers',
      title: 'Drivers',
      columns: ['Outcome', 'Item', 'Question', 'n', "Pearson's r"],
      rows: figures.drivers.map((d) => [d.outcome, d.item, d.question, d.n, d.correlation]),
    },
  ];
}
