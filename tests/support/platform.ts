import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { startPlatform, type RunningPlatform } from '@harbour/platform';
import { DEMO_PASSWORD } from '@harbour/demo';
import { freePortsEnv } from './ports';

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  env: Record<string, string>;
  /** Everything the services printed so far. */
  output(): string;
}

/**
 * The real platform (four subgraph processes and the gateway) on a database of this
 * test file's own, seeded with the demo data, on free ports.
 */
export async function startTestPlatform(extraEnv: Record<string, string> = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const env = {
    ...(await freePortsEnv()),
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: database.appUrl,
    HARBOUR_LOG_LEVEL: 'info',
    ...extraEnv,
  };
  const printed: string[] = [];
  const platform = await startPlatform({ env, seedIfEmpty: true, log: () => undefined, output: (_, text) => printed.push(text) }).catch((error: unknown) => {
    // What the services printed is the only account of why one stopped before it was ready.
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the services said:\n${printed.join('').slice(-4000)}`);
  });
  return {
    ...platform,
    database,
    env,
    output: () => printed.join(''),
    async stop() {
      await platform.stop();
      await database.drop();
    },
  };
}

/** POSTs a GraphQL operation and returns the HTTP status and parsed body. */
export async function postGraphQL(
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Signs in through the gateway as a demo account; returns the header to send with each request. */
export async function signInAs(url: string, email: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email, password } },
    }),
  });
  const body = (await response.json()) as { data?: { signIn: { token: string } }; errors?: unknown[] };
  if (!body.data?.signIn) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${body.data.signIn.token}` };
}

/** The demo's accounts, by what they may do. */
export const DEMO_ACCOUNTS = {
  platformAdmin: 'platform@harbour.example',
  northmoorAdmin: 'admin@northmoor.example',
  northmoorEvaluator: 'evaluator@northmoor.example',
  perinatalLead: 'perinatal.lead@northmoor.example',
  riversideAdmin: 'admin@riverside.example',
  regionalEvaluator: 'regional.evaluator@harbour.example',
} as const;
