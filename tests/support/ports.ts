import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';

/** The start of the range the kernel hands out for outgoing connections (Linux), else the IANA default. */
function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 49152;
  } catch {
    return 49152;
  }
}

const SLICE = 2000;
let next = 0;

/**
 * `count` distinct TCP ports on loopback that nothing listens on now, chosen below the range
 * the kernel uses for outgoing connections: a port from that range (what listen(0) gives) can
 * be taken by any client's connection between the choosing and the binding, and a platform's
 * gateway binds seconds later. Each jest worker takes its own slice, each port once per
 * process, so parallel test files never pick the same one; a port in use is skipped.
 */
export async function freePorts(count: number): Promise<number[]> {
  const top = ephemeralStart();
  const slices = Math.max(1, Math.floor((top - 10_000) / SLICE));
  const base = top - SLICE * (1 + (Number(process.env.JEST_WORKER_ID ?? 0) % slices));
  const chosen: number[] = [];
  for (let tried = 0; chosen.length < count && tried < SLICE; tried++) {
    const port = base + (next++ % SLICE);
    if (await bindable(port)) chosen.push(port);
  }
  if (chosen.length < count) throw new Error(`No ${count} free ports in ${base} to ${base + SLICE - 1}`);
  return chosen;
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** True when something accepts connections on the port at `host`. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const PORT_VARIABLES = ['PORT', 'HARBOUR_DIRECTORY_PORT', 'HARBOUR_FORMS_PORT', 'HARBOUR_RESPONSES_PORT', 'HARBOUR_INSIGHTS_PORT', 'HARBOUR_PG_PORT'];

/** The environment that puts the gateway, the subgraphs and an embedded PostgreSQL on free ports. */
export async function freePortsEnv(): Promise<Record<string, string>> {
  const ports = await freePorts(PORT_VARIABLES.length);
  return Object.fromEntries(PORT_VARIABLES.map((name, i) => [name, String(ports[i])]));
}

/** This machine's first non-loopback IPv4 address, if it has one. */
export function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}
