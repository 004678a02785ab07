import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '@harbour/config';
import { postGraphQL, signInAs, DEMO_ACCOUNTS } from '../support/platform';
import { freePortsEnv, isListening } from '../support/ports';
import { processesMentioning } from '../support/processes';

/** `pnpm start` as a person runs it: its own embedded PostgreSQL, its own data folder. */
interface Started {
  child: ChildProcess;
  output: () => string;
}

let folder: string;
let env: Record<string, string>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'harbour-start-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach its folder.
  chmodSync(folder, 0o755);
  env = { ...(await freePortsEnv()), HARBOUR_DATA_DIR: path.join(folder, 'pg') };
});
afterAll(async () => {
  // A failed expectation must not leave a platform running (jest would wait on it forever).
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, 'SIGKILL');
      await exited(child);
    }
  }
  rmSync(folder, { recursive: true, force: true });
});

function start(until = 'Press Ctrl-C to stop.', extraEnv: Record<string, string> = {}): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...extraEnv };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_APP_URL;
  // Its own process group, like a terminal's foreground job, so Ctrl-C can reach all of it.
  const child = spawn(process.execPath, [path.join(repoRoot(), 'apps/platform/dist/start.js')], {
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not running after 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes(until)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function tenantNames(): Promise<string[]> {
  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const admin = await signInAs(url, DEMO_ACCOUNTS.platformAdmin);
  const { body } = await postGraphQL(url, '{ organisations(tenantsOnly: true) { nodes { name surveys { nodes { responseCount } } } } }', admin);
  return (body.data as { organisations: { nodes: { name: string }[] } }).organisations.nodes.map((n) => n.name);
}

async function listeningPorts(): Promise<string[]> {
  const names = ['PORT', 'HARBOUR_DIRECTORY_PORT', 'HARBOUR_FORMS_PORT', 'HARBOUR_RESPONSES_PORT', 'HARBOUR_INSIGHTS_PORT', 'HARBOUR_PG_PORT'];
  const open: string[] = [];
  for (const name of names) if (await isListening(Number(env[name]))) open.push(name);
  return open;
}

describe('pnpm start', () => {
  it('initialises, seeds and serves; Ctrl-C leaves no process or port behind; a second start reuses the data', async () => {
    const first = await start();
    expect(first.output()).toContain('initialising PostgreSQL');
    expect(first.output()).toContain('database is empty: seeding the demo data');
    expect(await tenantNames()).toEqual(['Northmoor Mental Health NHS Foundation Trust', 'Riverside Primary Care Network']);

    // Ctrl-C in a terminal: SIGINT to the whole foreground process group.
    process.kill(-first.child.pid!, 'SIGINT');
    expect(await exited(first.child)).toBe(0);
    expect(processesMentioning(env.HARBOUR_DATA_DIR!)).toEqual([]);
    expect(await listeningPorts()).toEqual([]);

    const second = await start();
    expect(second.output()).not.toContain('initialising PostgreSQL');
    expect(second.output()).not.toContain('seeding');
    expect(second.output()).toContain('migrations directory: up to date');
    expect(await tenantNames()).toEqual(['Northmoor Mental Health NHS Foundation Trust', 'Riverside Primary Care Network']);

    // SIGINT to the platform process alone (kill -INT <pid>) must stop its children too.
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
    expect(processesMentioning(env.HARBOUR_DATA_DIR!)).toEqual([]);
    expect(await listeningPorts()).toEqual([]);
  }, 180_000);
});

describe('a stop during start-up', () => {
  it.each([
    ['the platform process alone, while PostgreSQL is being initialised', 'initialising PostgreSQL', false],
    ['the whole process group (Ctrl-C), while the demo data is seeded', 'seeding the demo data', true],
  ])('from a signal to %s leaves no process or port behind', async (_what, moment, group) => {
    const dataDir = path.join(folder, `pg-${group ? 'group' : 'alone'}`);
    const ports = await freePortsEnv();
    const started = await start(moment, { ...ports, HARBOUR_DATA_DIR: dataDir });
    if (group) process.kill(-started.child.pid!, 'SIGINT');
    else started.child.kill('SIGINT');
    expect(await exited(started.child)).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
    for (const port of Object.values(ports)) expect(await isListening(Number(port))).toBe(false);
  }, 120_000);
});
