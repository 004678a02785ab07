import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';
import { useWorkingOrganisation } from '../../app/working-organisation';

export const OutboxQuery = graphql(`
  query Outbox($organisationId: ID!, $after: String) {
    outbox(organisationId: $organisationId, first: 50, after: $after) {
      nodes {
        id
        kind
        recipient
        subject
        body
        state
        createdAt
        sentAt
        error
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const STATE: Record<string, string> = {
  HELD: 'Held: forward it yourself',
  PENDING: 'Waiting to be sent',
  SENDING: 'Being sent',
  SENT: 'Sent',
  FAILED: 'Not sent',
  UNKNOWN: 'Not known',
};

/** Invitations and reminders to staff in the organisation, newest first: what each says, to whom, and whether it went. */
export function OutboxPage() {
  const organisation = useWorkingOrganisation();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, error, fetching }] = useQuery({
    query: OutboxQuery,
    variables: { organisationId: organisation?.id ?? '', after: cursors[cursors.length - 1] ?? null },
    pause: !organisation,
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      <h1>Outbox</h1>
      <p>
        Invitations and reminders to staff in {organisation?.name ?? 'your organisation'}. With no mail server set up (<code>HARBOUR_SMTP_URL</code>) they are
        held here: each holds the person's own link, to forward to them and nobody else. Sent ones no longer keep the link.
      </p>
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {!data && fetching && <p role="status">Loading…</p>}
      {data && data.outbox.nodes.length === 0 && <p>No messages yet: they are written once a campaign opens.</p>}
      {data && data.outbox.nodes.length > 0 && (
        <>
          <TableScroll label="Outbox">
            <table>
              <caption className="visually-hidden">Outbox, page {cursors.length}</caption>
              <thead>
                <tr>
                  <th scope="col">Written (UTC)</th>
                  <th scope="col">To</th>
                  <th scope="col">Message</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {data.outbox.nodes.map((m) => (
                  <tr key={m.id}>
                    <td>{m.createdAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>{m.recipient}</td>
                    <td>
                      <details>
                        <summary>
                          {m.kind === 'REMINDER' ? 'Reminder' : 'Invitation'}: {m.subject}
                        </summary>
                        <pre className="message">{m.body}</pre>
                      </details>
                    </td>
                    <td>
                      {STATE[m.state] ?? m.state}
                      {m.error && <span className="muted"> ({m.error})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav className="pager" aria-label="Pages of the outbox">
            <button type="button" disabled={cursors.length === 1} aria-disabled={fetching} onClick={() => !fetching && setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button type="button" disabled={!data.outbox.pageInfo.hasNextPage} aria-disabled={fetching} onClick={() => !fetching && setCursors([...cursors, data.outbox.pageInfo.endCursor])}>
              Next page
            </button>
          </nav>
        </>
      )}
    </>
  );
}
