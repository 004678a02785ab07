import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { graphql } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';

export const StaffQuery = graphql(`
  query Staff($organisationId: ID!, $first: Int!, $after: String, $search: String, $roleId: ID, $includeLeft: Boolean!) {
    staff(organisationId: $organisationId, first: $first, after: $after, search: $search, roleId: $roleId, includeLeft: $includeLeft) {
      nodes {
        id
        externalRef
        startedOn
        leftOn
        role {
          name
        }
        employingOrganisation {
          name
        }
        setting {
          name
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    roles {
      id
      name
    }
  }
`);

const PAGE = 50;

/** Staff in new roles: search, filter and page through thousands. */
export function StaffPage() {
  const organisation = useWorkingOrganisation();
  const [search, setSearch] = useState('');
  const [roleId, setRoleId] = useState('');
  const [includeLeft, setIncludeLeft] = useState(false);
  // Cursors of the pages before this one, so Previous works without counting.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const ids = { search: useId(), role: useId(), left: useId() };
  const [{ data, fetching, error }] = useQuery({
    query: StaffQuery,
    variables: { organisationId: organisation?.id ?? '', first: PAGE, after, search: search || null, roleId: roleId || null, includeLeft },
    pause: !organisation,
  });
  const restart = () => setCursors([null]);
  const page = cursors.length;
  return (
    <>
      <h1>Staff</h1>
      {organisation && <p>Staff in new roles employed or hosted in {organisation.name}.</p>}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor={ids.search}>Reference or name</label>
          <input id={ids.search} type="search" value={search} onChange={(event) => (setSearch(event.target.value), restart())} />
        </div>
        <div>
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={roleId} onChange={(event) => (setRoleId(event.target.value), restart())}>
            <option value="">Any role</option>
            {data?.roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input id={ids.left} type="checkbox" checked={includeLeft} onChange={(event) => (setIncludeLeft(event.target.checked), restart())} />
          <label htmlFor={ids.left}>Include people who have left</label>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          Could not load staff: {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {!data && fetching && <p role="status">Loading staff…</p>}
      {data && (
        <>
          <TableScroll label="Staff">
            <table>
              <caption aria-live="polite">
                {fetching ? `Loading page ${page}…` : `Page ${page}: ${data.staff.nodes.length} ${data.staff.nodes.length === 1 ? 'person' : 'people'}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Role</th>
                  <th scope="col">Employer</th>
                  <th scope="col">Setting</th>
                  <th scope="col">Started</th>
                  <th scope="col">Left</th>
                </tr>
              </thead>
              <tbody>
                {data.staff.nodes.map((person) => (
                  <tr key={person.id}>
                    <td>{person.externalRef}</td>
                    <td>{person.role.name}</td>
                    <td>{person.employingOrganisation.name}</td>
                    <td>{person.setting?.name ?? '—'}</td>
                    <td>{person.startedOn}</td>
                    <td>{person.leftOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav className="pager" aria-label="Pages of staff">
            {/* While a page loads the buttons keep focus but do nothing (aria-disabled), so a keyboard user keeps their place. */}
            <button type="button" disabled={page === 1} aria-disabled={fetching} onClick={() => !fetching && setCursors(cursors.slice(0, -1))}>
              Previous page
            </button>
            <button
              type="button"
              disabled={!data.staff.pageInfo.hasNextPage}
              aria-disabled={fetching}
              onClick={() => !fetching && setCursors([...cursors, data.staff.pageInfo.endCursor])}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </>
  );
}
