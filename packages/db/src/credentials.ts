import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Passwords of the roles on an embedded server, made once per data folder. */
export interface EmbeddedCredentials {
  superuser: string;
  owner: string;
  app: string;
}

/** Where a data folder's credentials live: beside it, readable by this user only. */
export function credentialsFileFor(dataDir: string): string {
  return `${dataDir.replace(/[/\\]+$/, '')}.credentials.json`;
}

function fresh(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The credentials for `dataDir`, created (mode 0600) on first use. Random per installation,
 * so no password in Harbour's source opens anyone's database.
 */
export function embeddedCredentials(dataDir: string): EmbeddedCredentials {
  const file = credentialsFileFor(dataDir);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedCredentials>;
    if (stored.superuser && stored.owner && stored.app) return stored as EmbeddedCredentials;
    throw new Error(`${file} is incomplete: restore it, or delete it together with ${dataDir} to start afresh.`);
  }
  if (existsSync(dataDir)) {
    throw new Error(`${dataDir} holds a database but ${file} is missing: restore it, or delete ${dataDir} to start afresh.`);
  }
  const credentials = { superuser: fresh(), owner: fresh(), app: fresh() };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
