import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';

const ProgressQuery = graphql(`
  query CampaignProgress($campaignId: ID!) {
    campaignProgress(campaignId: $campaignId) {
      invited
      started
      completed
      withdrawn
      responseRate
      remindersWritten
      messagesSent
      messagesHeld
      messagesNotSent
      withoutEmail
      minGroupSize
      linksReleasedAt
      byOrganisation {
        organisation {
          id
          name
        }
        invited
        completed
        responseRate
        suppressed
      }
    }
  }
`);

const ReleaseLinks = graphql(`
  mutation ReleaseInvitationLinks($campaignId: ID!) {
    releaseInvitationLinks(campaignId: $campaignId) {
      releasedAt
      messages
    }
  }
`);

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Releasing a campaign's links for hand delivery: said plainly, confirmed, done once. Until
 * then the outbox shows every message but its link.
 */
function HandDelivery({ campaignId, releasedAt, onReleased }: { campaignId: string; releasedAt: string | null; onReleased: () => void }) {
  const [result, release] = useMutation(ReleaseLinks);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmId = useId();
  if (releasedAt) {
    return (
      <p className="note">
        Its personal links were released to admins for hand delivery on {new Date(releasedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.
        Responses since then count in every figure, but not towards the smallest group a report shows.
      </p>
    );
  }
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = await release({ campaignId });
    if (outcome.error) setProblem(outcome.error.graphQLErrors[0]?.message ?? outcome.error.message);
    else onReleased();
  }
  return (
    <form className="card form" onSubmit={submit} aria-label="Hand delivery">
      <h3>Hand delivery</h3>
      <p>
        The outbox shows these messages without their personal links, so that nobody but the person invited can answer as them. To hand links out yourself,
        release them. This is recorded in the audit log and cannot be undone; reports will say so, and answers given after it will not count towards the
        smallest group a report shows.
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="checkbox">
        <input id={confirmId} type="checkbox" required />
        <label htmlFor={confirmId}>I will give each link only to the person it is for</label>
      </div>
      <button type="submit" className="danger" disabled={result.fetching}>
        Release the links
      </button>
    </form>
  );
}

/** One campaign's progress: the totals, and the response rate by organisation as a table and as bars. */
export function CampaignProgressView({ campaignId, name }: { campaignId: string; name: string }) {
  const [{ data, error }, refetch] = useQuery({ query: ProgressQuery, variables: { campaignId }, requestPolicy: 'cache-and-network' });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (!data) return <p role="status">Counting…</p>;
  const p = data.campaignProgress;
  return (
    <div className="progress">
      <dl className="counts">
        <dt>Invited</dt>
        <dd>{p.invited}</dd>
        <dt>Started, not finished</dt>
        <dd>{p.started ?? `withheld (under ${p.minGroupSize})`}</dd>
        <dt>Completed</dt>
        <dd>
          {p.completed === null || p.responseRate === null ? `withheld (under ${p.minGroupSize}, or it would show a small group)` : `${p.completed} (${percent(p.responseRate)})`}
        </dd>
        <dt>Withdrawn</dt>
        <dd>{p.withdrawn ?? `withheld (under ${p.minGroupSize})`}</dd>
        <dt>Messages</dt>
        <dd>
          {p.messagesSent} sent, {p.messagesHeld} held in the outbox, {p.messagesNotSent} not sent; {p.remindersWritten} reminders
        </dd>
        <dt>No email address</dt>
        <dd>{p.withoutEmail}</dd>
      </dl>
      {p.messagesHeld > 0 || p.linksReleasedAt ? (
        <HandDelivery campaignId={campaignId} releasedAt={p.linksReleasedAt as string | null} onReleased={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {p.byOrganisation.length > 0 && (
        <TableScroll label={`Response rate by organisation, ${name}`}>
          <table>
            <caption>Response rate by organisation (counts under {p.minGroupSize} are withheld, with any that would give them away)</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" className="number">
                  Invited
                </th>
                <th scope="col" className="number">
                  Completed
                </th>
                <th scope="col">Response rate</th>
              </tr>
            </thead>
            <tbody>
              {p.byOrganisation.map((o) => (
                <tr key={o.organisation.id}>
                  <th scope="row">{o.organisation.name}</th>
                  <td className="number">{o.invited}</td>
                  <td className="number">{o.suppressed ? 'withheld' : o.completed}</td>
                  <td>
                    {o.responseRate === null ? (
                      <span className="muted">withheld: a small group</span>
                    ) : (
                      <span className="bar-cell">
                        <span className="bar" style={{ width: `${(o.responseRate * 8).toFixed(2)}rem` }} aria-hidden="true" />
                        <span>{percent(o.responseRate)}</span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
