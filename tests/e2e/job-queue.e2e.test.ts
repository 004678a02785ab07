import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { repoRoot } from '@harbour/config';
import { startService, stopServices, type ServiceProcess } from '@harbour/platform';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';
import { freePorts } from '../support/ports';

/**
 * The job queue with two copies each of the responses and insights subgraphs on one database:
 * each clock runs once per due time, and a worker killed mid-run (the delivery clock, sending
 * invitations to a slow mail server) leaves its job retried, with no invitation lost and no
 * message sent twice.
 */
let platform: TestPlatform;
let owner: Client;
const copies: { name: string; service: ServiceProcess; printed: string[] }[] = [];
/** What the mail server accepted: each recipient, and whether the message was this test's campaign's. */
const received: { to: string; ours: boolean }[] = [];
const CAMPAIGN = 'Killed mid-send';
let smtp: SMTPServer;
const MESSAGES = 40;

/** A real SMTP server that takes 100 ms over each message, so a run of the delivery clock lasts seconds. */
async function slowSmtpServer(): Promise<string> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () =>
        setTimeout(() => {
          received.push(...session.envelope.rcptTo.map((r) => ({ to: r.address, ours: data.includes(CAMPAIGN) })));
          callback();
        }, 100),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}

/** Another copy of a subgraph, on a port of its own, against the platform's database. */
async function startCopy(name: 'responses' | 'insights') {
  const [port] = await freePorts(1);
  const printed: string[] = [];
  const env = { ...process.env, ...platform.env, DATABASE_APP_URL: platform.database.appUrl, HARBOUR_GATEWAY_SECRET: platform.gatewaySecret, [`HARBOUR_${name.toUpperCase()}_PORT`]: String(port) };
  const service = startService(`${name}-2`, path.join(repoRoot(), 'apps', name, 'dist', 'main.js'), env, (_, text) => printed.push(text));
  await service.ready;
  copies.push({ name, service, printed });
}

/** Every "job ran" line any copy printed: which job, the due time it was for, and who printed it. */
function runs(job: string): { due: string; by: string }[] {
  const lines = [
    ...platform
      .output()
      .split('\n')
      .map((line) => ({ line, by: 'first' })),
    ...copies.flatMap((c) => c.printed.join('').split('\n').map((line) => ({ line, by: 'second' }))),
  ];
  return lines.flatMap(({ line, by }) => {
    if (!line.includes('"job ran"')) return [];
    const entry = JSON.parse(line) as { job: string; due: string };
    return entry.job === job ? [{ due: entry.due, by }] : [];
  });
}

const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

beforeAll(async () => {
  const smtpUrl = await slowSmtpServer();
  platform = await startTestPlatform({
    HARBOUR_DELIVERY_EVERY_MS: '1000',
    HARBOUR_BENCHMARK_EVERY_MS: '1000',
    // A run may last this long (pg-boss gives up on it after), and a killed worker's job waits this long to be retried.
    HARBOUR_JOB_EXPIRE_SECONDS: '10',
    HARBOUR_JOB_MAINTENANCE_SECONDS: '1',
    HARBOUR_SMTP_URL: smtpUrl,
    HARBOUR_LOG_LEVEL: 'debug',
  });
  owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
  await Promise.all([startCopy('responses'), startCopy('insights')]);
}, 120_000);

afterAll(async () => {
  await stopServices(copies.map((c) => c.service));
  await owner?.end();
  await platform?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('the job queue, two copies of responses and insights on one database', () => {
  it('runs each clock once per due time, whichever copy takes it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 8000));
    for (const job of ['delivery-clock', 'benchmark-clock']) {
      const ran = runs(job);
      const dues = ran.map((r) => r.due);
      expect(ran.length).toBeGreaterThanOrEqual(4);
      expect(new Set(dues).size).toBe(dues.length);
      console.log(`${job}: ${ran.length} runs, ${ran.filter((r) => r.by === 'first').length} by the platform's copy, ${ran.filter((r) => r.by === 'second').length} by the second`);
    }
  }, 30_000);

  it('retries the delivery clock\'s job when both its workers are killed mid-run: every invitation made once, no message sent twice', async () => {
    const trust = (await owner.query(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`)).rows[0].id as string;
    const survey = (await owner.query(`SELECT id FROM forms.survey WHERE tenant_id = $1 AND title = 'Where I belong: quarterly'`, [trust])).rows[0].id as string;
    await owner.query(
      `INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email)
       SELECT s.id, s.tenant_id, 'Staff ' || s.external_ref, lower(s.external_ref) || '@northmoor.example' FROM directory.staff s
       WHERE s.tenant_id = $1 AND s.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM directory.staff_contact k WHERE k.staff_id = s.id)
       ORDER BY s.external_ref LIMIT ${MESSAGES}`,
      [trust],
    );
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const made = await postGraphQL(
      platform.gatewayUrl,
      `mutation { createCampaign(input: { surveyId: "${survey}", versionNumber: 1, name: "${CAMPAIGN}", anonymity: PSEUDONYMOUS, audience: { organisationId: "${trust}" }, schedule: { kind: WINDOW, opensOn: "2020-01-01", closesOn: "2099-12-31" } }) { id } }`,
      admin,
    );
    const campaignId = (made.body.data as { createCampaign: { id: string } }).createCampaign.id;
    await postGraphQL(platform.gatewayUrl, `mutation { scheduleCampaign(id: "${campaignId}") { state } }`, admin);
    const ours = `SELECT o.state, o.recipient FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id WHERE i.campaign_id = $1`;
    const withEmail = (
      await owner.query(`SELECT count(*)::int AS n FROM directory.staff_contact k JOIN directory.staff s ON s.id = k.staff_id WHERE s.tenant_id = $1 AND s.left_on IS NULL`, [trust])
    ).rows[0].n as number;

    // Mid-send: some of the campaign's messages are out, most are not.
    const oursReceived = () => received.filter((r) => r.ours).map((r) => r.to);
    await until('the first messages', () => oursReceived().length >= 5);
    const active = (await owner.query(`SELECT id FROM responses_jobs.job WHERE name = 'delivery-clock' AND state = 'active'`)).rows as { id: string }[];
    expect(active).toHaveLength(1);
    const killedJob = active[0]!.id;
    for (const pid of [platform.pidOf('responses'), copies.find((c) => c.name === 'responses')!.service.child.pid]) process.kill(pid!, 'SIGKILL');
    const atKill = oursReceived().length;

    // The platform starts its copy again; the job expires (10 s here), is retried, and the sending goes on. The one
    // message in flight at the kill stays SENDING until the sender calls it UNKNOWN (after 2 minutes), and is never resent.
    await until('every message to be settled', async () => {
      const { rows } = await owner.query(ours, [campaignId]);
      const open = rows.filter((r) => !['sent', 'unknown', 'failed'].includes(r.state as string));
      return rows.length === withEmail && open.length <= 1 && open.every((r) => r.state === 'sending');
    }).catch(async (error: Error) => {
      const states = await owner.query(`SELECT o.state, count(*)::int AS n FROM (${ours}) o GROUP BY 1`, [campaignId]);
      const jobs = await owner.query(`SELECT state, retry_count, started_on, output FROM responses_jobs.job WHERE name = 'delivery-clock' AND state <> 'completed'`);
      throw new Error(`${error.message}: messages ${JSON.stringify(states.rows)}, jobs ${JSON.stringify(jobs.rows)}; the services said:\n${platform.output().slice(-3000)}`);
    });
    await until('the killed job to be retried to the end', async () => {
      const { rows } = await owner.query(
        `SELECT state, retry_count FROM responses_jobs.job WHERE id = $1 UNION ALL SELECT state, retry_count FROM responses_jobs.archive WHERE id = $1`,
        [killedJob],
      );
      return rows[0]?.state === 'completed' && rows[0]?.retry_count >= 1;
    });

    const { rows: messages } = await owner.query(ours, [campaignId]);
    const sent = messages.filter((m) => m.state === 'sent').map((m) => m.recipient as string);
    const theirs = oursReceived();
    // Never twice: the server got each sent message once; at most the one in flight at the kill is UNKNOWN (and never resent).
    expect(new Set(theirs).size).toBe(theirs.length);
    expect(theirs.sort()).toEqual(expect.arrayContaining(sent.sort()));
    expect(messages.filter((m) => m.state === 'unknown' || m.state === 'sending').length).toBeLessThanOrEqual(1);
    expect(theirs.length).toBeGreaterThan(atKill);
    // Never lost: one invitation per person in the audience.
    const { rows: invitations } = await owner.query(
      `SELECT count(*)::int AS n, count(DISTINCT staff_id)::int AS people,
              (SELECT count(*)::int FROM directory.staff s WHERE s.tenant_id = $2 AND s.left_on IS NULL) AS audience
       FROM responses.invitation WHERE campaign_id = $1`,
      [campaignId, trust],
    );
    expect(invitations[0].n).toBe(invitations[0].people);
    expect(invitations[0].n).toBe(invitations[0].audience);
    console.log(`killed mid-send: ${atKill} sent before the kill, ${sent.length} of ${withEmail} sent in all; ${invitations[0].n} invitations`);
  }, 120_000);

  it('shows operators every queue, and platform admins only', async () => {
    const query = '{ backgroundJobs { service name queued running failed lastStartedAt lastCompletedAt lastFailure } }';
    const asAdmin = await postGraphQL(platform.gatewayUrl, query, await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.platformAdmin));
    const queues = (asAdmin.body.data as { backgroundJobs: { service: string; name: string; lastCompletedAt: string | null }[] }).backgroundJobs;
    expect(queues.map((q) => `${q.service}/${q.name}`)).toEqual(['forms/campaign-clock', 'insights/benchmark-clock', 'responses/delivery-clock', 'responses/fold-rollups']);
    expect(queues.find((q) => q.name === 'delivery-clock')!.lastCompletedAt).not.toBeNull();
    const asTrustAdmin = await postGraphQL(platform.gatewayUrl, query, await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin));
    expect(asTrustAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
