import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { setSessionToken } from './session';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** Who is signed in, and a way out. */
export function AccountBar() {
  const [{ data }] = useQuery({ query: MeQuery });
  const [, signOut] = useMutation(SignOutMutation);
  return (
    <div className="account-bar">
      {data?.me && <span>Signed in as {data.me.displayName}</span>}
      <button
        type="button"
        className="link-button"
        onClick={async () => {
          await signOut({});
          setSessionToken(null);
        }}
      >
        Sign out
      </button>
    </div>
  );
}
