import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a service needs to be ready, by name: each check resolves when it is. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

/** How long one readiness check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = 1000;

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Each check's outcome, all run at once, each within READINESS_TIMEOUT_MS: `ok`, or why not (no detail beyond the first line). */
export async function readiness(checks: ReadinessChecks): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const outcomes = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await within(check(), READINESS_TIMEOUT_MS);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, `unavailable: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 120)}`] as const;
      }
    }),
  );
  return { ready: outcomes.every(([, outcome]) => outcome === 'ok'), checks: Object.fromEntries(outcomes) };
}

/**
 * Answers `GET /healthz` (alive: 200 whenever the process can answer at all) and `GET /readyz`
 * (200 when every check passes, 503 with each check's outcome otherwise), for load balancers
 * and supervisors; true when it answered. Neither needs a credential or tells anything of the data.
 */
export function answerHealth(req: IncomingMessage, res: ServerResponse, checks: ReadinessChecks): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/healthz' && path !== '/readyz') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };
  if (path === '/healthz') {
    send(200, { status: 'alive' });
    return true;
  }
  void readiness(checks).then(
    (outcome) => send(outcome.ready ? 200 : 503, { status: outcome.ready ? 'ready' : 'not ready', checks: outcome.checks }),
    () => send(503, { status: 'not ready' }),
  );
  return true;
}
