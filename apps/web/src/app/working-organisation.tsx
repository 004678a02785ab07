import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../graphql';

export const WorkingOrganisationsQuery = graphql(`
  query WorkingOrganisations {
    me {
      id
      displayName
      platformAdmin
      grants {
        id
        role
        organisation {
          id
          name
        }
      }
    }
    organisations(tenantsOnly: true, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export interface WorkingOrganisation {
  id: string;
  name: string;
  /** True when the caller may manage it (trust admin or platform admin). */
  manages: boolean;
}

const Context = createContext<WorkingOrganisation | null>(null);
const Ready = createContext(false);

/** True once the caller's grants have loaded (so what depends on them will not shift after). */
export function useAccessLoaded(): boolean {
  return useContext(Ready);
}

/** The organisation the admin pages work on: one the caller holds a grant on (any tenant, for platform admins). */
export function useWorkingOrganisation(): WorkingOrganisation | null {
  return useContext(Context);
}

export function WorkingOrganisationProvider({ children }: { children: ReactNode }) {
  const [{ data, error, fetching }] = useQuery({ query: WorkingOrganisationsQuery });
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();
  const me = data?.me;
  const options: WorkingOrganisation[] = me?.platformAdmin
    ? (data?.organisations.nodes ?? []).map((o) => ({ id: o.id, name: o.name, manages: true }))
    : [...new Map((me?.grants ?? []).filter((g) => g.organisation).map((g) => [g.organisation!.id, g])).values()].map((g) => ({
        id: g.organisation!.id,
        name: g.organisation!.name,
        manages: (me?.grants ?? []).some((other) => other.organisation?.id === g.organisation!.id && other.role === 'TRUST_ADMIN'),
      }));
  const current = options.find((o) => o.id === chosen) ?? options[0] ?? null;
  useEffect(() => {
    if (current && current.id !== chosen) setChosen(current.id);
  }, [current, chosen]);
  return (
    <Ready.Provider value={!fetching && (data !== undefined || error !== undefined)}>
    <Context.Provider value={current}>
      {options.length > 1 && (
        <div className="working-organisation">
          <label htmlFor={id}>Working on</label>
          <select id={id} value={current?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          Could not load your access: {error.message}
        </p>
      )}
      {children}
    </Context.Provider>
    </Ready.Provider>
  );
}
