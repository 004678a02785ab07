import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentialsFileFor, embeddedCredentials } from './credentials';

describe('embeddedCredentials', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'harbour-credentials-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('makes random passwords once, readable by this user only, and gives the same ones after', () => {
    const dataDir = path.join(folder, 'nested', 'pg');
    const first = embeddedCredentials(dataDir);
    expect(new Set([first.superuser, first.owner, first.app]).size).toBe(3);
    expect(first.app.length).toBeGreaterThanOrEqual(32);
    expect(statSync(credentialsFileFor(dataDir)).mode & 0o777).toBe(0o600);
    mkdirSync(dataDir);
    expect(embeddedCredentials(dataDir)).toEqual(first);
    expect(embeddedCredentials(path.join(folder, 'other')).app).not.toBe(first.app);
  });

  it('refuses a data folder whose credentials are gone, saying what to do', () => {
    const dataDir = path.join(folder, 'pg');
    mkdirSync(dataDir);
    expect(() => embeddedCredentials(dataDir)).toThrow(`${dataDir} holds a database but ${dataDir}.credentials.json is missing`);
    writeFileSync(credentialsFileFor(dataDir), '{"superuser":"x"}');
    expect(() => embeddedCredentials(dataDir)).toThrow(/is incomplete/);
  });
});
