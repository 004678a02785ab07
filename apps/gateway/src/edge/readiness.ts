import type { ReadinessChecks } from '@harbour/graphql-kit';

/** The gateway is ready when every subgraph says it is (each subgraph's `/readyz`: its database answers). */
export function gatewayReadiness(subgraphUrls: Record<string, string>): ReadinessChecks {
  return Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => [
      name,
      async () => {
        const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(900) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`not ready (HTTP ${response.status})`);
      },
    ]),
  );
}
