import { useId, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { useFormMessage } from '../../app/form-message';
import { graphql } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';

export const CataloguesQuery = graphql(`
  query Catalogues {
    roles {
      id
      code
      name
      family
      national
    }
    settings {
      id
      code
      name
      national
    }
  }
`);

const CreateRole = graphql(`
  mutation CreateRole($input: CatalogueEntryInput!) {
    createRole(input: $input) {
      id
    }
  }
`);

const CreateSetting = graphql(`
  mutation CreateSetting($input: CatalogueEntryInput!) {
    createSetting(input: $input) {
      id
    }
  }
`);

const FAMILY: Record<string, string> = {
  ADDITIONAL_ROLES: 'Additional Roles Reimbursement Scheme',
  MENTAL_HEALTH: 'Mental health',
  ACUTE_AND_COMMUNITY: 'Acute and community',
  LOCAL: 'Your own',
};

function AddEntry({ kind, onAdded }: { kind: 'role' | 'setting'; onAdded: () => void }) {
  const organisation = useWorkingOrganisation();
  const [, create] = useMutation(kind === 'role' ? CreateRole : CreateSetting);
  const [message, setMessage] = useFormMessage();
  const ids = { code: useId(), name: useId() };
  if (!organisation?.manages) return null;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = await create({ input: { organisationId: organisation!.id, code: String(data.get('code')), name: String(data.get('name')) } });
    if (result.error) setMessage({ text: result.error.graphQLErrors[0]?.message ?? result.error.message, error: true });
    else {
      setMessage({ text: `Added ${String(data.get('name'))}.`, error: false });
      form.reset();
      onAdded();
    }
  }
  return (
    <form className="card form" onSubmit={submit} aria-label={`Add a ${kind}`}>
      <h3>Add a {kind} of your own</h3>
      {message}
      <label htmlFor={ids.name}>Name</label>
      <input id={ids.name} name="name" required maxLength={200} />
      <label htmlFor={ids.code}>Code (lower case letters, digits and underscores)</label>
      <input id={ids.code} name="code" required pattern="[a-z][a-z0-9_]{1,62}" />
      <button type="submit" className="primary">
        Add {kind}
      </button>
    </form>
  );
}

/** The national catalogues of roles and settings, with the tenant's own beside them. */
export function CataloguesPage() {
  const [{ data, error }, refetch] = useQuery({ query: CataloguesQuery });
  const again = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <h1>Roles and settings</h1>
      {error && (
        <p role="alert" className="error">
          Could not load the catalogues: {error.message}
        </p>
      )}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">Roles</h2>
        <TableScroll label="Roles">
          <table>
            <caption className="visually-hidden">Roles</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Code</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {data?.roles.map((role) => (
                <tr key={role.id}>
                  <td>{role.name}</td>
                  <td>
                    <code>{role.code}</code>
                  </td>
                  <td>{FAMILY[role.family]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <AddEntry kind="role" onAdded={again} />
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <ul className="columns">
          {data?.settings.map((setting) => (
            <li key={setting.id}>
              {setting.name} {!setting.national && <span className="muted">(your own)</span>}
            </li>
          ))}
        </ul>
        <AddEntry kind="setting" onAdded={again} />
      </section>
    </>
  );
}
