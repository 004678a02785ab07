import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';
import { useWorkingOrganisation } from '../../app/working-organisation';

export const AuditQuery = graphql(`
  query AuditLog($organisationId: ID, $after: String) {
    auditLog(organisationId: $organisationId, first: 50, after: $after) {
      nodes {
        id
        occurredAt
        action
        targetType
        details
        client
        actor {
          email
        }
        organisation {
          name
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** What a campaign's daily counts say, in words: they stand in for per-person events. */
function detailsText(event: { action: string; details: Record<string, unknown> }): string | null {
  if (event.action !== 'campaign.responses') return null;
  const d = event.details as { day: string; submitted: number; throughReleasedLinks: number; withdrawn: number; erased: number };
  const released = d.throughReleasedLinks ? ` (${d.throughReleasedLinks} through released links)` : '';
  return `${d.day}: ${d.submitted} submitted${released}, ${d.withdrawn} withdrawn, ${d.erased} erased`;
}

/** Who did what, when and from where, newest first. */
export function AuditPage() {
  const organisation = useWorkingOrganisation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, error, fetching }] = useQuery({
    query: AuditQuery,
    variables: { organisationId: organisation?.id ?? null, after: cursors[cursors.length - 1] ?? null },
    pause: !organisation,
  });
  return (
    <>
      <h1>Audit log</h1>
      {organisation && <p>Every change, sign-in and read of row-level data in {organisation.name}, newest first. Platform admins also see each campaign's submissions, withdrawals and erasures, counted per day (never per person).</p>}
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {!data && fetching && <p role="status">Loading…</p>}
      {data && (
        <>
          <TableScroll label="Audit log">
            <table>
              <caption className="visually-hidden">Audit log, page {cursors.length}</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Where</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {data.auditLog.nodes.map((event) => {
                  const counted = detailsText(event);
                  return (
                  <tr key={event.id}>
                    <td>{event.occurredAt.slice(0, 19).replace('T', ' ')}</td>
                    <td>{event.actor?.email ?? (counted ? 'respondents, counted' : 'anonymous')}</td>
                    <td>
                      <code>{event.action}</code>
                      {counted && <div>{counted}</div>}
                    </td>
                    <td>{event.organisation?.name ?? '—'}</td>
                    <td>{event.client ?? '—'}</td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <nav className="pager" aria-label="Pages of the audit log">
            <button type="button" disabled={cursors.length === 1} aria-disabled={fetching} onClick={() => !fetching && setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button
              type="button"
              disabled={!data.auditLog.pageInfo.hasNextPage}
              aria-disabled={fetching}
              onClick={() => !fetching && setCursors([...cursors, data.auditLog.pageInfo.endCursor])}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </>
  );
}
