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
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`load() targets loopback only, not ${target.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body).toString(), ...options.headers };
  const latencies: number[] = [];
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(options.seconds * 1e9));
  const max = options.maxRequests ?? 1_000_000;

  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = request(target, { method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200 || text.includes('"errors"')) errors++;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(options.body);
    });

  const worker = async () => {
    while (process.hrtime.bigint() < deadline && latencies.length + errors < max) await one();
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50ms: at(0.5), p99ms: at(0.99) };
}
