import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@harbour/config';
import { acrossTenants, embeddedCredentials, OWNER_ROLE } from '@harbour/db';
import { INSTRUMENTS } from '@harbour/survey-kit';
import { freePortsEnv } from '../support/ports';
import { DEMO_ACCOUNTS, postGraphQL, signInAs } from '../support/platform';

/**
 * The embedded PostgreSQL killed with SIGKILL under submission load: the platform starts it
 * again by itself, every pool reconnects, requests succeed again within 15 s, and every
 * submission that was acknowledged is stored. Runs `start` as a person would, with a
 * PostgreSQL and a folder of its own.
 */
let folder: string;
let env: Record<string, string>;
let child: ChildProcess;
let output = '';
let gatewayUrl: string;
let ownerUrl: string;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'harbour-pg-crash-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach its folder.
  chmodSync(folder, 0o755);
  env = { ...(await freePortsEnv()), HARBOUR_DATA_DIR: path.join(folder, 'pg'), HARBOUR_DELIVERY_EVERY_MS: '500' };
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATABASE_APP_URL;
  child = spawn(process.execPath, [path.join(repoRoot(), 'apps/platform/dist/start.js')], { env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not running after 200 s:\n${output}`)), 200_000);
    child.stdout!.on('data', () => output.includes('Press Ctrl-C to stop.') && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited with ${code}:\n${output}`))));
  });
  gatewayUrl = `http://127.0.0.1:${env.PORT}/graphql`;
  ownerUrl = acrossTenants(`postgres://${OWNER_ROLE}:${encodeURIComponent(embeddedCredentials(env.HARBOUR_DATA_DIR!).owner)}@127.0.0.1:${env.HARBOUR_PG_PORT}/harbour`);
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGINT');
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
}, 60_000);

/** The embedded PostgreSQL's postmaster, as its pid file names it. */
const postmasterPid = () => Number(readFileSync(path.join(env.HARBOUR_DATA_DIR!, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** Every required question of "Where I belong" answered. */
function answers(): Record<string, unknown> {
  const form = INSTRUMENTS.find((i) => i.code === 'where_i_belong')!.json;
  return Object.fromEntries(form.pages.flatMap((p) => p.elements).filter((q) => q.isRequired).map((q) => [q.name, q.type === 'rating' ? 3 : q.type === 'boolean' ? true : 'host']));
}

/** Opens a campaign for the whole of Northmoor and gives `count` of its invitations a personal link each, as delivery would. */
async function links(count: number): Promise<string[]> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const trust = (await owner.query(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`)).rows[0].id as string;
    const survey = (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust])).rows[0].id as string;
    const admin = await signInAs(gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const made = await postGraphQL(
      gatewayUrl,
      `mutation { createCampaign(input: { surveyId: "${survey}", versionNumber: 1, name: "Crash round", audience: { organisationId: "${trust}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`,
      admin,
    );
    const campaignId = (made.body.data as { createCampaign: { id: string } }).createCampaign.id;
    await postGraphQL(gatewayUrl, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`, admin);
    let invitations: { id: string; tenant_id: string }[] = [];
    for (let tries = 0; tries < 80 && invitations.length < count; tries++) {
      invitations = (await owner.query(`SELECT id, tenant_id FROM responses.invitation WHERE campaign_id = $1 ORDER BY id LIMIT $2`, [campaignId, count])).rows;
      if (invitations.length < count) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const tokens = invitations.map(() => randomBytes(32).toString('base64url'));
    await owner.query(
      `INSERT INTO responses.invitation_link (token_hash, tenant_id, invitation_id, expires_at) SELECT h, t, i, now() + interval '30 days' FROM unnest($1::bytea[], $2::uuid[], $3::uuid[]) AS x(h, t, i)`,
      [tokens.map((t) => createHash('sha256').update(t).digest()), invitations.map((i) => i.tenant_id), invitations.map((i) => i.id)],
    );
    return tokens;
  } finally {
    await owner.end();
  }
}

describe('PostgreSQL killed with SIGKILL under submission load', () => {
  it('is started again by itself; requests succeed again within 15 s and every acknowledged submission is stored', async () => {
    const tokens = await links(240);
    expect(tokens).toHaveLength(240);
    const given = answers();
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let next = 0;
    let killedAt = 0;
    let lastFailureAt = 0;
    let firstSuccessAfterKill = 0;
    const submit = async (token: string) => {
      try {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { repeated } }', variables: { input: { token, answers: given, idempotencyKey: `crash-${token.slice(0, 12)}` } } }),
        });
        const body = (await response.json()) as { data?: { submitResponse: { repeated: boolean } } | null; errors?: { extensions?: { code?: string } }[] };
        if (response.status === 200 && body.data?.submitResponse) return 'stored';
        return `${response.status} ${body.errors?.map((e) => e.extensions?.code).join(',')}`;
      } catch (error) {
        return `no answer: ${String(error)}`;
      }
    };
    // Eight respondents at a time; each link is tried until acknowledged or the run ends.
    const workers = Array.from({ length: 8 }, async () => {
      while (next < tokens.length) {
        const token = tokens[next++]!;
        for (let attempt = 0; attempt < 60; attempt++) {
          const outcome = await submit(token);
          if (outcome === 'stored') {
            acknowledged.push(token);
            if (killedAt && !firstSuccessAfterKill) firstSuccessAfterKill = Date.now();
            break;
          }
          failures.push(outcome);
          lastFailureAt = Date.now();
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    });
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 50));
    const pid = postmasterPid();
    process.kill(pid, 'SIGKILL');
    killedAt = Date.now();
    await Promise.all(workers);
    // Requests fail from the kill until PostgreSQL is back and the pools have reconnected: then they succeed again.
    const recovery = Math.max(0, lastFailureAt - killedAt);
    console.log(`database crash: ${acknowledged.length} acknowledged of ${tokens.length}; last refusal ${recovery} ms after the kill; ${failures.length} refused meanwhile (${[...new Set(failures)].join('; ')})`);
    expect(firstSuccessAfterKill).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
    expect(recovery).toBeLessThan(15_000);
    // Refusals while it was down were SERVICE_UNAVAILABLE, never an internal error.
    expect(failures.filter((f) => !/^503 SERVICE_UNAVAILABLE$|^200 SERVICE_UNAVAILABLE$/.test(f))).toEqual([]);
    // Every acknowledged submission is stored.
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const stored = await owner.query(
        `SELECT count(*)::int AS n FROM responses.invitation_link l JOIN responses.invitation i ON i.id = l.invitation_id WHERE l.token_hash = ANY($1::bytea[]) AND i.state = 'completed'`,
        [acknowledged.map((t) => createHash('sha256').update(t).digest())],
      );
      expect(stored.rows[0].n).toBe(acknowledged.length);
    } finally {
      await owner.end();
    }
    expect(acknowledged.length).toBe(tokens.length);
    expect(output).toMatch(/PostgreSQL stopped \(SIGKILL\): restarting it in 250 ms \(attempt 1\)/);
    expect(output).toMatch(/PostgreSQL is running again/);
    expect(postmasterPid()).not.toBe(pid);
  }, 180_000);
});
