import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
}

/**
 * Runs `op(i)` (i = 0, 1, …) from `concurrency` workers for `seconds`, or until `max` calls,
 * timing each; `op` resolves false for a failure. Reports throughput and latency.
 */
export async function timed(op: (i: number) => Promise<boolean>, options: { concurrency: number; seconds: number; max?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const max = options.max ?? 1_000_000;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(options.seconds * 1e9));
  const worker = async () => {
    while (process.hrtime.bigint() < deadline && next < max) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      const ok = await op(i).catch(() => false);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50ms: at(0.5), p99ms: at(0.99) };
}

/** One POST of `body` through a keep-alive agent; true when it answered 200 without GraphQL errors. */
export function post(url: URL, agent: Agent, body: string, headers: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(res.statusCode === 200 && !text.includes('"errors"')));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/** A keep-alive agent for `concurrency` connections to a loopback `url` (load is never aimed elsewhere). */
export function loopbackAgent(url: URL, concurrency: number): Agent {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error(`load targets loopback only, not ${url.hostname}`);
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

/**
 * Sends the same POST to `url` from `concurrency` keep-alive connections for `seconds`,
 * and reports throughput and latency. Bounded in time and count; loopback only.
 */
export async function load(options: {
  url: string;
  body: string;
  headers?: Record<string, string>;
  concurrency: number;
  seconds: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = loopbackAgent(target, options.concurrency);
  try {
    return await timed(() => post(target, agent, options.body, options.headers), { concurrency: options.concurrency, seconds: options.seconds, max: options.maxRequests });
  } finally {
    agent.destroy();
  }
}
