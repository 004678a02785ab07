import { useId, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { useFormMessage } from '../../app/form-message';
import { graphql } from '../../graphql';
import { useWorkingOrganisation, WorkingOrganisationsQuery } from '../../app/working-organisation';

export const PeopleQuery = graphql(`
  query People($organisationId: ID!, $after: String) {
    accounts(organisationId: $organisationId, first: 50, after: $after) {
      nodes {
        id
        email
        displayName
        grants {
          id
          role
          organisation {
            id
            name
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    organisation(id: $organisationId) {
      id
      name
      descendants(first: 500) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

const GrantAccess = graphql(`
  mutation GrantAccess($input: GrantAccessInput!) {
    grantAccess(input: $input) {
      id
    }
  }
`);

const RevokeGrant = graphql(`
  mutation RevokeGrant($id: ID!) {
    revokeGrant(id: $id)
  }
`);

const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      email
    }
  }
`);

const ROLE_LABEL = { TRUST_ADMIN: 'Trust admin', EVALUATOR: 'Evaluator', RESEARCHER: 'Researcher' } as const;

/** Who has access to the organisation, and giving or taking it. */
export function PeoplePage() {
  const organisation = useWorkingOrganisation();
  const [{ data, error }, refetch] = useQuery({ query: PeopleQuery, variables: { organisationId: organisation?.id ?? '' }, pause: !organisation });
  // Only a platform admin gives researcher grants (the directory refuses anyone else).
  const [{ data: access }] = useQuery({ query: WorkingOrganisationsQuery });
  const platformAdmin = access?.me?.platformAdmin ?? false;
  const [, grant] = useMutation(GrantAccess);
  const [, revoke] = useMutation(RevokeGrant);
  const [, createAccount] = useMutation(CreateAccount);
  const [grantMessage, setGrantMessage] = useFormMessage();
  const [accountMessage, setAccountMessage] = useFormMessage();
  const ids = { email: useId(), where: useId(), role: useId(), newEmail: useId(), newName: useId(), newPassword: useId() };
  const again = () => refetch({ requestPolicy: 'network-only' });
  const places = data?.organisation ? [{ id: data.organisation.id, name: data.organisation.name }, ...data.organisation.descendants.nodes] : [];

  async function submitGrant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = await grant({
      input: { email: String(values.get('email')), organisationId: String(values.get('where')), role: values.get('role') as 'EVALUATOR' | 'TRUST_ADMIN' | 'RESEARCHER' },
    });
    if (result.error) setGrantMessage({ text: result.error.graphQLErrors[0]?.message ?? result.error.message, error: true });
    else {
      setGrantMessage({ text: `Access given to ${String(values.get('email'))}.`, error: false });
      form.reset();
      again();
    }
  }

  async function submitAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = await createAccount({
      input: { email: String(values.get('email')), displayName: String(values.get('name')), password: String(values.get('password')) },
    });
    if (result.error) setAccountMessage({ text: result.error.graphQLErrors[0]?.message ?? result.error.message, error: true });
    else {
      setAccountMessage({ text: `Made an account for ${result.data!.createAccount.email}: give it access below.`, error: false });
      form.reset();
    }
  }

  return (
    <>
      <h1>People and access</h1>
      {organisation && <p>Everyone with a grant on {organisation.name} or anything within it.</p>}
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      <TableScroll label="People with access">
        <table>
          <caption className="visually-hidden">People with access</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {data?.accounts.nodes.map((account) => (
              <tr key={account.id}>
                <td>
                  {account.displayName}
                  <br />
                  <span className="muted">{account.email}</span>
                </td>
                <td>
                  <ul className="plain">
                    {account.grants.map((g) => (
                      <li key={g.id}>
                        {ROLE_LABEL[g.role]} of {g.organisation?.name ?? 'an organisation you cannot see'}{' '}
                        <button type="button" onClick={async () => (await revoke({ id: g.id }), again())}>
                          Remove <span className="visually-hidden">{`${ROLE_LABEL[g.role]} of ${g.organisation?.name ?? ''} from ${account.displayName}`}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form className="card form" onSubmit={submitGrant} aria-label="Give access">
        <h2>Give access</h2>
        {grantMessage}
        <label htmlFor={ids.email}>Their email address (they need an account)</label>
        <input id={ids.email} name="email" type="email" required />
        <label htmlFor={ids.where}>Where</label>
        <select id={ids.where} name="where" required>
          {places.map((place) => (
            <option key={place.id} value={place.id}>
              {place.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.role}>As</label>
        <select id={ids.role} name="role">
          <option value="EVALUATOR">Evaluator: reads reports</option>
          {platformAdmin && <option value="RESEARCHER">Researcher: reads reports and exports raw pseudonymous responses (audited)</option>}
          <option value="TRUST_ADMIN">Trust admin: manages forms, staff and access</option>
        </select>
        <button type="submit" className="primary">
          Give access
        </button>
      </form>
      <form className="card form" onSubmit={submitAccount} aria-label="Make an account">
        <h2>Make an account</h2>
        {accountMessage}
        <label htmlFor={ids.newName}>Name</label>
        <input id={ids.newName} name="name" required maxLength={200} />
        <label htmlFor={ids.newEmail}>Email address</label>
        <input id={ids.newEmail} name="email" type="email" required />
        <label htmlFor={ids.newPassword}>First password (at least 12 characters; they change it after signing in)</label>
        <input id={ids.newPassword} name="password" type="password" autoComplete="new-password" minLength={12} required />
        <button type="submit" className="primary">
          Make account
        </button>
      </form>
    </>
  );
}
