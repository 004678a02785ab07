import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';
import { CampaignProgressView } from './CampaignProgressView';

export const CampaignsQuery = graphql(`
  query Campaigns($organisationId: ID!) {
    campaigns(organisationId: $organisationId) {
      id
      name
      state
      versionNumber
      anonymity
      audiencePreview
      minGroupSize
      preferNotToSay
      schedule {
        kind
        opensOn
        closesOn
        everyWeeks
        windowDays
        daysAfterStart
        until
      }
      survey {
        id
        title
      }
    }
  }
`);

const ScheduleCampaign = graphql(`
  mutation ScheduleCampaign($id: ID!) {
    scheduleCampaign(id: $id) {
      id
      state
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
const ANONYMITY = { ANONYMOUS: 'Anonymous', PSEUDONYMOUS: 'Pseudonymous', IDENTIFIED: 'Identified' } as const;

type Schedule = { kind: 'WINDOW' | 'RECURRING' | 'LIFECYCLE'; opensOn: string; closesOn: string | null; everyWeeks: number | null; windowDays: number | null; daysAfterStart: number | null; until: string | null };

/** A schedule in words, e.g. "every 13 weeks from 2027-01-04, open 14 days". */
export function scheduleText(s: Schedule): string {
  const until = s.until ? ` until ${s.until}` : '';
  if (s.kind === 'WINDOW') return `${s.opensOn} to ${s.closesOn}`;
  if (s.kind === 'RECURRING') return `every ${s.everyWeeks} weeks from ${s.opensOn}, open ${s.windowDays} days${until}`;
  return `${s.daysAfterStart} days after each start, from ${s.opensOn}, open ${s.windowDays} days${until}`;
}

/** The organisation's campaigns: what is sent to whom and when; schedule a draft, close one. */
export function CampaignsList({ organisationId }: { organisationId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: CampaignsQuery, variables: { organisationId }, requestPolicy: 'cache-and-network' });
  const [, close] = useMutation(CloseCampaign);
  const [, schedule] = useMutation(ScheduleCampaign);
  const [problem, setProblem] = useState<string | null>(null);
  // Campaigns whose progress is shown (counted when opened).
  const [open, setOpen] = useState<Record<string, boolean>>({});
  async function act(run: () => Promise<{ error?: { graphQLErrors: { message: string }[]; message: string } }>) {
    const result = await run();
    setProblem(result.error ? (result.error.graphQLErrors[0]?.message ?? result.error.message) : null);
    refetch({ requestPolicy: 'network-only' });
  }
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">Campaigns</h2>
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
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
                <th scope="col">Anonymity</th>
                <th scope="col" className="number">
                  Staff now
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {data.campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.state === 'DRAFT' ? (
                      c.name
                    ) : (
                      <details onToggle={(event) => setOpen({ ...open, [c.id]: (event.currentTarget as HTMLDetailsElement).open })}>
                        <summary>{c.name}</summary>
                        {open[c.id] && <CampaignProgressView campaignId={c.id} name={c.name} />}
                      </details>
                    )}
                  </td>
                  <td>
                    {c.survey.title}, version {c.versionNumber}
                  </td>
                  <td>{scheduleText(c.schedule)}</td>
                  <td>
                    {ANONYMITY[c.anonymity]}, groups of {c.minGroupSize}+{c.preferNotToSay && <>, &ldquo;Prefer not to say&rdquo; offered</>}
                  </td>
                  <td className="number">{c.audiencePreview}</td>
                  <td>
                    {STATE[c.state]}{' '}
                    {c.state === 'DRAFT' && (
                      <button type="button" onClick={() => act(() => schedule({ id: c.id }))}>
                        Schedule <span className="visually-hidden">{c.name}</span>
                      </button>
                    )}{' '}
                    {c.state !== 'CLOSED' && (
                      <button type="button" onClick={() => act(() => close({ id: c.id }))}>
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
