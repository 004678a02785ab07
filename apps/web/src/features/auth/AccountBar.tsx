import { useQuery } from 'urql';
import { graphql } from '../../graphql';
import { signOut } from './session';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
    }
  }
`);

/** Who is signed in, and a way out. */
export function AccountBar() {
  const [{ data }] = useQuery({ query: MeQuery });
  return (
    <div className="account-bar">
      {data?.me && <span>Signed in as {data.me.displayName}</span>}
      <button
        type="button"
        className="link-button"
        onClick={() => void signOut()}
      >
        Sign out
      </button>
    </div>
  );
}
