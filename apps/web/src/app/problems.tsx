/** A problem the server named in `extensions.problems` (a JSON path or field, and a plain message). */
export interface Problem {
  path: string;
  message: string;
}

type GraphQLFailure = { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[]; message: string };

/** The problems an error names; otherwise its one message, at `fallbackPath`. */
export function problemsOf(error: GraphQLFailure | undefined, fallbackPath = ''): Problem[] {
  const first = error?.graphQLErrors[0];
  return (first?.extensions?.problems as Problem[] | undefined) ?? [{ path: fallbackPath, message: first?.message ?? error?.message ?? 'It could not be saved' }];
}

/** "Not saved:" and each problem, where it is (when it names a place) and what is wrong. */
export function ProblemsAlert({ problems }: { problems: Problem[] }) {
  if (!problems.length) return null;
  return (
    <div role="alert" className="error">
      <p>Not saved:</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path && <code>{p.path}</code>}
            {p.path && ': '}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
