import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useFormMessage } from '../../app/form-message';
import { graphql } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { KIND_LABELS } from '../organisations/kinds';

export const ChildrenQuery = graphql(`
  query OrganisationChildren($id: ID!) {
    organisation(id: $id) {
      id
      children(first: 500) {
        nodes {
          id
          name
          kind
          odsCode
        }
      }
    }
  }
`);

const PlacesQuery = graphql(`
  query OrganisationPlaces($id: ID!) {
    organisation(id: $id) {
      id
      name
      kind
      odsCode
      descendants(first: 500) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

const CreateOrganisation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
    }
  }
`);

type Kind = keyof typeof KIND_LABELS;

/** One organisation in the tree; its children load when opened. */
function TreeNode({ id, name, kind, odsCode }: { id: string; name: string; kind: Kind; odsCode: string | null }) {
  const [open, setOpen] = useState(false);
  const [{ data, fetching }] = useQuery({ query: ChildrenQuery, variables: { id }, pause: !open });
  const children = data?.organisation.children.nodes ?? [];
  return (
    <li>
      <button type="button" className="tree-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {name}
      </button>{' '}
      <span className="muted">
        {KIND_LABELS[kind]}
        {odsCode ? `, ${odsCode}` : ''}
      </span>
      {open && fetching && <p role="status">Loading…</p>}
      {open && data && (children.length ? <ul className="tree">{children.map((child) => <TreeNode key={child.id} {...child} />)}</ul> : <p className="muted">Nothing within it.</p>)}
    </li>
  );
}

/** The organisation tree: open any branch; managers add organisations to it. */
export function TreePage() {
  const organisation = useWorkingOrganisation();
  const [{ data }, refetch] = useQuery({ query: PlacesQuery, variables: { id: organisation?.id ?? '' }, pause: !organisation });
  const [, create] = useMutation(CreateOrganisation);
  const [message, setMessage] = useFormMessage();
  const [version, setVersion] = useState(0);
  const ids = { parent: useId(), kind: useId(), name: useId(), ods: useId() };
  const places = data ? [{ id: data.organisation.id, name: data.organisation.name }, ...data.organisation.descendants.nodes] : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = await create({
      input: {
        parentId: String(values.get('parent')),
        kind: values.get('kind') as Kind,
        name: String(values.get('name')),
        odsCode: String(values.get('ods')) || null,
      },
    });
    if (result.error) setMessage({ text: result.error.graphQLErrors[0]?.message ?? result.error.message, error: true });
    else {
      setMessage({ text: `Added ${result.data!.createOrganisation.name}.`, error: false });
      form.reset();
      setVersion(version + 1);
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h1>Organisation tree</h1>
      {organisation && data && (
        <ul className="tree" key={version}>
          <TreeNode id={data.organisation.id} name={data.organisation.name} kind={data.organisation.kind} odsCode={data.organisation.odsCode} />
        </ul>
      )}
      {/* Shown once the places it can add under have loaded: sent before, it would name none. */}
      {organisation?.manages && data && (
        <form className="card form" onSubmit={submit} aria-label="Add an organisation">
          <h2>Add an organisation</h2>
          {message}
          <label htmlFor={ids.parent}>Within</label>
          <select id={ids.parent} name="parent">
            {places.map((place) => (
              <option key={place.id} value={place.id}>
                {place.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} name="kind" defaultValue="TEAM">
            {(Object.keys(KIND_LABELS) as Kind[]).map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <label htmlFor={ids.name}>Name</label>
          <input id={ids.name} name="name" required maxLength={200} />
          <label htmlFor={ids.ods}>ODS code (optional)</label>
          <input id={ids.ods} name="ods" pattern="[A-Z0-9]{3,10}" />
          <button type="submit" className="primary">
            Add organisation
          </button>
        </form>
      )}
    </>
  );
}
