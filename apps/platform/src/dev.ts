import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { loadConfig, repoRoot } from '@harbour/config';
import { bringUpDatabase } from './database';
import { startServices, type RunningServices } from './platform';
import { isEmpty, seedDemo } from './seed';

/**
 * `pnpm dev`: TypeScript and the web build in watch mode; when any service's build
 * changes, the schema is recomposed and the services restart. PostgreSQL stays up.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
  const watchers: ChildProcess[] = [
    spawn(bin('tsc'), ['-b', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
    spawn(path.join(root, 'apps', 'web', 'node_modules', '.bin', 'vite'), ['build', '--watch'], { cwd: path.join(root, 'apps', 'web'), stdio: 'inherit' }),
  ];
  const db = await bringUpDatabase(loadConfig());
  if (await isEmpty(db.ownerUrl)) await seedDemo(db.ownerUrl);
  let services: RunningServices | undefined;
  let restarting: Promise<void> = Promise.resolve();

  const restart = () => {
    restarting = restarting.then(async () => {
      await services?.stop();
      services = undefined;
      try {
        execFileSync(process.execPath, [path.join(__dirname, 'schema', 'schema-command.js')], { stdio: 'inherit' });
        services = await startServices(db, process.env);
        console.log(`\nHarbour (dev) is running: ${services.webUrl} and ${services.gatewayUrl}\n`);
      } catch (error) {
        console.error(`not restarted: ${error instanceof Error ? error.message : String(error)}; waiting for the next change`);
      }
    });
  };

  let timer: NodeJS.Timeout | undefined;
  for (const folder of ['apps', 'packages']) {
    watch(path.join(root, folder), { recursive: true }, (_event, file) => {
      if (!file || !file.includes(`${path.sep}dist${path.sep}`) || file.startsWith(`web${path.sep}`) || file.endsWith('.tsbuildinfo')) return;
      clearTimeout(timer);
      timer = setTimeout(restart, 700);
    });
  }
  restart();

  const shutdown = async () => {
    for (const child of watchers) child.kill('SIGTERM');
    await restarting;
    await services?.stop();
    await db.server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
