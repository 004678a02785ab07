import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@harbour/config';
import { startPlatform, type RunningPlatform } from '@harbour/platform';
import { freePortsEnv } from '../support/ports';

/**
 * The platform on a fresh embedded database (so the figures never depend on what an older run
 * left), seeded with the demo, on free ports; with the environment it was started with.
 */
export async function startBenchPlatform(): Promise<{ platform: RunningPlatform; env: Record<string, string> }> {
  const dataDir = path.join(repoRoot(), '.harbour', 'bench-postgres');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.credentials.json`, { force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  chmodSync(path.dirname(dataDir), 0o755);
  const env = { ...(await freePortsEnv()), HARBOUR_DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_APP_URL: '', HARBOUR_LOG_LEVEL: 'warn' };
  return { platform: await startPlatform({ env, seedIfEmpty: true, log: () => undefined }), env };
}
