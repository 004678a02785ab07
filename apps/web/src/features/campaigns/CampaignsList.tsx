import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';

export const CampaignsQuery = graphql(`
  query Campaigns($organisationId: ID!) {
    campaigns(organisationId: $organisationId) {
      id
      name
      state
      versionNumber
      anonymity
      audiencePreview
      schedule {
        kind
        opensOn
        closesOn
      }
      survey {
        id
        title
      }
    }
  }
`);

const CloseCampaign = graphql(`
  mutation CloseCampaign($id: ID!) {
    closeCampaign(id: $id) {
      id
      state
    }
  }
`);

const STATE = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', OPEN: 'Open', CLOSED: 'Closed' } as const;

/** The organisation's campaigns: what is sent to whom, when, and a way to close one. */
export function CampaignsList({ organisationId }: { organisationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: CampaignsQuery, variables: { organisationId }, requestPolicy: 'cache-and-network' });
  const [, close] = useMutation(CloseCampaign);
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">Campaigns</h2>
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {data && data.campaigns.length === 0 && <p>No campaigns yet: publish a survey, then schedule one from it.</p>}
      {data && data.campaigns.length > 0 && (
        <TableScroll label="Campaign list">
          <table>
            <caption className="visually-hidden">Campaigns</caption>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Survey</th>
                <th scope="col">When</th>
                <th scope="col" className="number">
                  Staff now
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>
                    {c.survey.title}, version {c.versionNumber}
                  </td>
                  <td>{c.schedule.kind === 'WINDOW' ? `${c.schedule.opensOn} to ${c.schedule.closesOn}` : `from ${c.schedule.opensOn}`}</td>
                  <td className="number">{c.audiencePreview}</td>
                  <td>
                    {STATE[c.state]}{' '}
                    {c.state !== 'CLOSED' && (
                      <button type="button" onClick={async () => (await close({ id: c.id }), refetch({ requestPolicy: 'network-only' }))}>
                        Close <span className="visually-hidden">{c.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
