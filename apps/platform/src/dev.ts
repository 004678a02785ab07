import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot } from '@harbour/config';
import { bringUpDatabase, type ReadyDatabase } from './database';
import { describeError } from './describe-error';
import { startServices, type RunningServices } from './platform';
import { isEmpty, seedDemo } from './seed';

/**
 * `pnpm dev`: TypeScript and the web build in watch mode; when any service's build
 * changes, the schema is recomposed and the services restart. PostgreSQL stays up.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const watchers: ChildProcess[] = [];
  const folders: FSWatcher[] = [];
  let db: ReadyDatabase | undefined;
  let services: RunningServices | undefined;
  let restarting: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  // Set up first, so a failure or Ctrl-C at any point below leaves nothing running.
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const folder of folders) folder.close();
    for (const child of watchers) child.kill('SIGTERM');
    await restarting;
    await services?.stop();
    await db?.server.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    watchers.push(
      spawn(path.join(root, 'node_modules', '.bin', 'tsc'), ['-b', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
      spawn(path.join(root, 'apps', 'web', 'node_modules', '.bin', 'vite'), ['build', '--watch'], {
        cwd: path.join(root, 'apps', 'web'),
        stdio: 'inherit',
      }),
    );
    db = await bringUpDatabase(loadConfig());
    if (await isEmpty(db.ownerUrl)) await seedDemo(db.ownerUrl);
  } catch (error) {
    console.error(describeError(error));
    await shutdown(1);
    return;
  }
  const ready = db;

  const restart = () => {
    restarting = restarting.then(async () => {
      if (stopping) return;
      await services?.stop();
      services = undefined;
      try {
        execFileSync(process.execPath, [path.join(__dirname, 'schema', 'schema-command.js')], { stdio: 'inherit' });
        services = await startServices(ready, process.env);
        console.log(`\nHarbour (dev) is running: ${services.webUrl} and ${services.gatewayUrl}\n`);
      } catch (error) {
        console.error(`not restarted: ${describeError(error)}; waiting for the next change`);
      }
    });
  };

  for (const folder of ['apps', 'packages']) {
    folders.push(
      watch(path.join(root, folder), { recursive: true }, (_event, file) => {
        if (!file || !file.includes(`${path.sep}dist${path.sep}`) || file.startsWith(`web${path.sep}`) || file.endsWith('.tsbuildinfo')) return;
        clearTimeout(timer);
        timer = setTimeout(restart, 700);
      }),
    );
  }
  restart();
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
