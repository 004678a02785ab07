import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { startPlatform, type RunningPlatform } from '@harbour/platform';
import { freePortsEnv } from './ports';

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  env: Record<string, string>;
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
    ...extraEnv,
  };
  const platform = await startPlatform({ env, seedIfEmpty: true, log: () => undefined });
  return {
    ...platform,
    database,
    env,
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
): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as never };
}
