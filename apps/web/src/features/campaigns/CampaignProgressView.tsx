import { useQuery } from 'urql';
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

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** One campaign's progress: the totals, and the response rate by organisation as a table and as bars. */
export function CampaignProgressView({ campaignId, name }: { campaignId: string; name: string }) {
  const [{ data, error }] = useQuery({ query: ProgressQuery, variables: { campaignId }, requestPolicy: 'cache-and-network' });
  if (error) return <p role="alert" className="error">{error.graphQLErrors[0]?.message ?? error.message}</p>;
  if (!data) return <p role="status">Counting…</p>;
  const p = data.campaignProgress;
  return (
    <div className="progress">
      <dl className="counts">
        <dt>Invited</dt>
        <dd>{p.invited}</dd>
        <dt>Started, not finished</dt>
        <dd>{p.started}</dd>
        <dt>Completed</dt>
        <dd>
          {p.completed} ({percent(p.responseRate)})
        </dd>
        <dt>Withdrawn</dt>
        <dd>{p.withdrawn}</dd>
        <dt>Messages</dt>
        <dd>
          {p.messagesSent} sent, {p.messagesHeld} held in the outbox, {p.messagesNotSent} not sent; {p.remindersWritten} reminders
        </dd>
        <dt>No email address</dt>
        <dd>{p.withoutEmail}</dd>
      </dl>
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
