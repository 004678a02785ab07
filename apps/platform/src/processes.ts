import { fork, type ChildProcess } from 'node:child_process';

/** A service the platform runs as a child process. */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the URL the service announced once it listens. */
  ready: Promise<string>;
  /** Resolves when the process exits, for whatever reason; set up at fork time so no exit is missed. */
  exited: Promise<string>;
}

/**
 * Forks a Node service with an IPC channel: it announces `{ ready: url }` when it
 * listens, and exits by itself if the platform goes away (the channel closes).
 */
export function startService(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  /** Receives the service's stdout and stderr instead of this process's own (tests read what services log). */
  output?: (name: string, text: string) => void,
): ServiceProcess {
  const child = fork(script, [], { env, stdio: ['ignore', output ? 'pipe' : 'inherit', output ? 'pipe' : 'inherit', 'ipc'] });
  if (output) {
    child.stdout?.on('data', (chunk: Buffer) => output(name, chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => output(name, chunk.toString('utf8')));
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`${name} stopped (${signal ?? `code ${code}`})`));
  });
  const ready = new Promise<string>((resolve, reject) => {
    child.on('message', (message: unknown) => {
      if (message && typeof message === 'object' && 'ready' in message) resolve(String((message as { ready: unknown }).ready));
    });
    void exited.then((why) => reject(new Error(`${why} before it was ready`)));
  });
  // A later, expected exit must not become an unhandled rejection.
  ready.catch(() => undefined);
  return { name, child, ready, exited };
}

/** Asks each service to stop, and kills any still running after `graceMs`. */
export async function stopServices(services: ServiceProcess[], graceMs = 5000): Promise<void> {
  await Promise.all(
    services.map(async ({ child, exited }) => {
      // kill() on a process that has already exited does nothing, and `exited` is then settled.
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    }),
  );
}
