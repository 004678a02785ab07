import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * `count` distinct TCP ports on loopback that nothing listens on now. All are held open
 * until every one is chosen, so the same port is never handed out twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
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
