import { createRoot } from 'react-dom/client';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { Kind, parse } from 'graphql';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { csrfToken, sessionHeaders } from '../features/auth/session';
import { keepAccessible } from './accessibility';
import { SAVED_OPERATIONS, variablesFor } from './saved-operations';

/**
 * Harbour's GraphQL explorer, served by the gateway at /graphql to browsers: GraphiQL with
 * its assets bundled here (it works with no internet), the schema's descriptions as its
 * documentation, and the saved operations as tabs. Signed in to the web app in this browser,
 * it sends that session (its cookie, and the CSRF header shown in Headers); otherwise put
 * `{"authorization": "Bearer <API token>"}` in Headers.
 */
const ENDPOINT = '/graphql';

async function idsFor(token: string | null): Promise<{ psw: string | null; pcn: string | null }> {
  if (!token) return { psw: null, pcn: null };
  // The session's cookie goes with the request; the CSRF header lets it act.
  try {
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sessionHeaders() },
      body: JSON.stringify({ query: '{ roles { id code } organisations(tenantsOnly: true) { nodes { id kind } } }' }),
    });
    const body = (await response.json()) as { data?: { roles: { id: string; code: string }[]; organisations: { nodes: { id: string; kind: string }[] } } };
    return {
      psw: body.data?.roles.find((r) => r.code === 'peer_support_worker')?.id ?? null,
      pcn: body.data?.organisations.nodes.find((o) => o.kind === 'PRIMARY_CARE_NETWORK')?.id ?? null,
    };
  } catch {
    return { psw: null, pcn: null };
  }
}

/**
 * GraphiQL can keep the operation name of the tab it opened on; a name the document does not
 * define is dropped (or replaced by its only operation's), so every saved tab runs as shown.
 */
function withOperationNameOfDocument(fetcher: Fetcher): Fetcher {
  return (params, options) => {
    let names: string[] = [];
    try {
      names = parse(params.query).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    } catch {
      return fetcher(params, options);
    }
    const operationName = params.operationName && names.includes(params.operationName) ? params.operationName : names.length === 1 ? names[0] : undefined;
    return fetcher({ ...params, operationName }, options);
  };
}

async function start(): Promise<void> {
  const token = csrfToken();
  const ids = await idsFor(token);
  const headers = JSON.stringify(token ? sessionHeaders() : { authorization: 'Bearer <your API token>' }, null, 2);
  const root = document.getElementById('explorer')!;
  keepAccessible(root);
  createRoot(root).render(
    <GraphiQL
      fetcher={withOperationNameOfDocument(createGraphiQLFetcher({ url: ENDPOINT }))}
      defaultHeaders={headers}
      defaultTabs={SAVED_OPERATIONS.map((operation) => ({ query: operation.query, variables: variablesFor(operation, ids), headers }))}
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="variables"
      forcedTheme="light"
    />,
  );
}

void start();
