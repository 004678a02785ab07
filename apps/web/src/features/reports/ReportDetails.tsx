import { useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { percent, StackedBars, Suppressed, type StackedRow } from './charts';
import type { Filter } from './report-filter';
import { ReportDetailsQuery } from './report-query';

const BANDS: Record<string, string> = { LOW: 'Low belonging (under 5)', MIDDLE: 'Middle (5 to 7.5)', HIGH: 'High belonging (7.5 and over)' };
const OUTCOMES: Record<string, string> = { belonging: 'Belonging', intention_to_stay: 'Intention to stay' };
/** Strongest first: the few items a reader acts on. */
const DRIVERS_SHOWN = 6;

/** Retention by belonging, what goes with belonging and staying, the checklist, and comments. */
export function ReportDetails({ filter }: { filter: Filter }) {
  const [{ data, error }] = useQuery({ query: ReportDetailsQuery, variables: { filter } });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (!data) return <p role="status">Working out retention and comments…</p>;
  const { figures, comments, retention } = data.roleEvaluation;
  const leaving: StackedRow[] = retention.bands.map((b) => {
    const left = b.leftWithin12Months;
    return { label: BANDS[b.band] ?? b.band, n: left?.n ?? null, parts: b.suppressed || !left ? null : [left.share ?? 0, 1 - (left.share ?? 0)], reason: null };
  });
  return (
    <>
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">Who left, by belonging</h2>
        <StackedBars title="Left within 12 months of answering, by belonging band" legend={['Left within 12 months', 'Still in post']} rows={leaving} />
        <TableScroll label="Retention by belonging">
          <table>
            <caption>Retention by belonging band (pseudonymous campaigns, from employment records)</caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">Left within 6 months</th>
                <th scope="col">Left within 12 months</th>
              </tr>
            </thead>
            <tbody>
              {retention.bands.map((b) => (
                <tr key={b.band}>
                  <th scope="row">{BANDS[b.band] ?? b.band}</th>
                  {b.suppressed ? (
                    <td colSpan={2}>
                      <Suppressed reason="Too few respondents in this band to show." />
                    </td>
                  ) : (
                    <>
                      <td className="number">{b.leftWithin6Months ? `${percent(b.leftWithin6Months.share)} of ${b.leftWithin6Months.n}` : 'Not yet known'}</td>
                      <td className="number">{b.leftWithin12Months ? `${percent(b.leftWithin12Months.share)} of ${b.leftWithin12Months.n}` : 'Not yet known'}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="drivers-heading">
        <h2 id="drivers-heading">What goes with belonging and with staying</h2>
        {Object.entries(OUTCOMES).map(([code, name]) => {
          const drivers = figures.drivers.filter((d) => d.outcome === code).slice(0, DRIVERS_SHOWN);
          if (!drivers.length) return null;
          return (
            <TableScroll key={code} label={`Drivers of ${name}`}>
              <table>
                <caption>{name}: the items that go with it most (Pearson's r; a lead, not a cause)</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">r</th>
                    <th scope="col">n</th>
                  </tr>
                </thead>
                <tbody>
                  {drivers.map((d) => (
                    <tr key={d.item}>
                      <th scope="row">{d.question}</th>
                      <td className="number">{d.correlation === null ? '–' : d.correlation.toFixed(2)}</td>
                      <td className="number">{d.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          );
        })}
      </section>

      {figures.checklist.length > 0 && (
        <section aria-labelledby="checklist-heading">
          <h2 id="checklist-heading">Onboarding and governance checklist</h2>
          <TableScroll label="Checklist">
            <table>
              <caption>Who said yes</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Yes</th>
                  <th scope="col">n</th>
                </tr>
              </thead>
              <tbody>
                {figures.checklist.map((c) => (
                  <tr key={c.item}>
                    <th scope="row">{c.question}</th>
                    <td className="number">{percent(c.yes.share)}</td>
                    <td className="number">{c.yes.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {comments.shown ? (
          <ul className="comments">
            {comments.comments.map((c, i) => (
              <li key={i}>
                <blockquote>{c.text}</blockquote>
                <p className="hint">{c.question}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <Suppressed reason={comments.reason} />
          </p>
        )}
      </section>
    </>
  );
}
