import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../graphql';
import { KIND_LABELS } from './kinds';

export const OrganisationsQuery = graphql(`
  query Organisations {
    organisations(tenantsOnly: true, first: 100) {
      nodes {
        id
        name
        kind
        children(first: 50) {
          nodes {
            id
            name
            kind
          }
        }
        surveys(first: 50) {
          nodes {
            id
            title
            status
            responseCount
          }
        }
      }
    }
  }
`);

type Organisation = ResultOf<typeof OrganisationsQuery>['organisations']['nodes'][number];


const STATUS_LABELS: Record<Organisation['surveys']['nodes'][number]['status'], string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

function OrganisationCard({ organisation }: { organisation: Organisation }) {
  const headingId = `org-${organisation.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{organisation.name}</h2>
      <p className="kind">{KIND_LABELS[organisation.kind]}</p>
      {organisation.children.nodes.length > 0 && (
        <>
          <h3>Within {organisation.name}</h3>
          <ul className="children">
            {organisation.children.nodes.map((child) => (
              <li key={child.id}>
                {child.name} <span className="muted">({KIND_LABELS[child.kind].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Surveys</h3>
      {organisation.surveys.nodes.length === 0 ? (
        <p>No surveys yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Surveys owned by {organisation.name}</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Status</th>
              <th scope="col" className="number" title="Completed responses in groups large enough to report">
                Responses reported
              </th>
            </tr>
          </thead>
          <tbody>
            {organisation.surveys.nodes.map((survey) => (
              <tr key={survey.id}>
                <td>{survey.title}</td>
                <td>{STATUS_LABELS[survey.status]}</td>
                <td className="number">{survey.responseCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The organisations Harbour knows, with their surveys and how many have answered. */
export function OrganisationsPage() {
  const [{ data, fetching, error }] = useQuery({ query: OrganisationsQuery });
  return (
    <>
      <h1>Organisations</h1>
      {fetching && <p role="status">Loading organisations…</p>}
      {error && (
        <p role="alert" className="error">
          Could not load organisations: {error.message}
        </p>
      )}
      {data && data.organisations.nodes.length === 0 && <p>No organisations yet.</p>}
      {data?.organisations.nodes.map((organisation) => (
        <OrganisationCard key={organisation.id} organisation={organisation} />
      ))}
    </>
  );
}
