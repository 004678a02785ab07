import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { graphql } from '../../graphql';

export const TokensQuery = graphql(`
  query ApiTokens {
    me {
      id
      apiTokens {
        id
        name
        prefix
        createdAt
        expiresAt
        lastUsedAt
        revokedAt
      }
    }
  }
`);

const CreateToken = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
      }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** Personal API tokens for scripts that read reports: made here, shown once, revoked here. */
export function TokensPage() {
  const [{ data, error }, refetch] = useQuery({ query: TokensQuery });
  const [, create] = useMutation(CreateToken);
  const [, revoke] = useMutation(RevokeToken);
  const [made, setMade] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { name: useId(), days: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const days = String(values.get('days'));
    const result = await create({ input: { name: String(values.get('name')), expiresInDays: days ? Number(days) : null } });
    if (result.error) {
      setProblem(result.error.graphQLErrors[0]?.message ?? result.error.message);
      return;
    }
    setProblem(null);
    setMade(result.data!.createApiToken.token);
    form.reset();
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h1>API tokens</h1>
      <p>
        A token lets a script (R, Python, curl) read reports as you, sent as <code>Authorization: Bearer &lt;token&gt;</code>. It cannot change
        anything. Harbour shows a token once and keeps only a hash of it.
      </p>
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      <form className="card form" onSubmit={submit} aria-label="Make a token">
        <h2>Make a token</h2>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <label htmlFor={ids.name}>What it is for</label>
        <input id={ids.name} name="name" required maxLength={100} />
        <label htmlFor={ids.days}>Days until it stops working (leave empty for never)</label>
        <input id={ids.days} name="days" type="number" min={1} max={365} inputMode="numeric" />
        <button type="submit" className="primary">
          Make token
        </button>
      </form>
      {made && (
        <div className="card notice" role="status">
          <h2>Your new token</h2>
          <p>Copy it now: it will not be shown again.</p>
          <p>
            <code className="token">{made}</code>
          </p>
        </div>
      )}
      <TableScroll label="Your tokens">
        <table>
          <caption>Your tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.me?.apiTokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{day(token.createdAt)}</td>
                <td>{day(token.expiresAt)}</td>
                <td>{day(token.lastUsedAt)}</td>
                <td>
                  {token.revokedAt ? (
                    'Revoked'
                  ) : (
                    <button type="button" onClick={() => revoke({ id: token.id })}>
                      Revoke <span className="visually-hidden">{token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
