import { spawn } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { SMTPServer } from 'smtp-server';
import { repoRoot } from '@harbour/config';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { issueInvitations } from '../invitation/invitation-clock';
import { buildResponsesSchema } from '../schema';
import { IDS, seedCampaign, seedDirectory, seedSurvey, type StaffRow } from '../testing/delivery-fixture';
import { composeMessages } from './compose-messages';
import { sendPending, smtpTransport } from './send-messages';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildResponsesSchema();
});

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on a free port, keeping what it accepts; `onMessage` runs before each is accepted. */
async function smtpServer(onMessage: (count: number) => void | Promise<void> = () => undefined, refuse?: string) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse && address.address === refuse ? new Error('No such mailbox here') : undefined);
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', async () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        await onMessage(received.length);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const staff = (n: number, withEmail = true): StaffRow[] =>
  Array.from({ length: n }, (_, i) => ({ ref: `S${i}`, role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05', ...(withEmail ? { email: `s${i}@nhs.example` } : {}) }));

async function campaignFor(people: StaffRow[], closesOn = '2099-12-31') {
  await seedDirectory(db.owner, people);
  const campaign = await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'window', opensOn: '2020-01-01', closesOn });
  await withTenants(db.app, ALL_TENANTS, (tx) => issueInvitations(tx));
  return campaign;
}
const compose = (smtp: boolean, today?: string) =>
  withTenants(db.app, ALL_TENANTS, (tx) => composeMessages(tx, { publicUrl: 'https://harbour.nhs.example', reminderDays: 3, smtp, today }));
const outbox = () => db.owner.query(`SELECT kind, recipient, state, body FROM responses.outbox ORDER BY recipient, kind`) as Promise<{ kind: string; recipient: string; state: string; body: string }[]>;

describe('messages to respondents', () => {
  it('keeps one invitation per person with an email in the outbox when no SMTP server is set, each with a link that opens it', async () => {
    await campaignFor([...staff(2), { ref: 'NOEMAIL', role: IDS.psw, employer: IDS.teamA, startedOn: '2026-01-05' }]);
    expect(await compose(false)).toEqual({ invitation: 2, reminder: 0 });
    expect(await compose(false)).toEqual({ invitation: 0, reminder: 0 });
    const messages = await outbox();
    expect(messages.map((m) => [m.kind, m.recipient, m.state])).toEqual([
      ['invitation', 's0@nhs.example', 'held'],
      ['invitation', 's1@nhs.example', 'held'],
    ]);
    expect(messages[0]!.body).toContain('Your answers are pseudonymous');
    const token = /https:\/\/harbour\.nhs\.example\/s\/([A-Za-z0-9_-]{43})/.exec(messages[0]!.body)![1]!;
    const opened = await executeOperation<{ invitation: { state: string } }>(schema, as(db.app), `{ invitation(token: "${token}") { state } }`);
    expect(opened.data).toEqual({ invitation: { state: 'INVITED' } });
  });

  it('reminds, once, only those who have not completed, from three days before the last day', async () => {
    await campaignFor(staff(2), '2099-12-31');
    await compose(false);
    expect(await compose(false, '2099-12-27')).toEqual({ invitation: 0, reminder: 0 });
    await db.owner.query(`UPDATE responses.invitation SET state = 'completed', completed_on = current_date WHERE staff_id = (SELECT id FROM directory.staff WHERE external_ref = 'S0')`);
    expect(await compose(false, '2099-12-28')).toEqual({ invitation: 0, reminder: 1 });
    expect(await compose(false, '2099-12-30')).toEqual({ invitation: 0, reminder: 0 });
    expect((await outbox()).filter((m) => m.kind === 'reminder').map((m) => m.recipient)).toEqual(['s1@nhs.example']);
  });

  it('reminds everyone invited to an anonymous campaign, answered or not, so the outbox tells nobody who answered', async () => {
    await seedDirectory(db.owner, staff(2));
    await seedCampaign(db.owner, await seedSurvey(db.owner), { kind: 'window', opensOn: '2020-01-01', closesOn: '2099-12-31' }, { anonymity: 'anonymous' });
    await withTenants(db.app, ALL_TENANTS, (tx) => issueInvitations(tx));
    await compose(false);
    await db.owner.query(`UPDATE responses.invitation SET state = 'completed' WHERE staff_id = (SELECT id FROM directory.staff WHERE external_ref = 'S0')`);
    expect(await compose(false, '2099-12-28')).toEqual({ invitation: 0, reminder: 2 });
    const reminders = (await outbox()).filter((m) => m.kind === 'reminder');
    expect(reminders.map((m) => m.recipient)).toEqual(['s0@nhs.example', 's1@nhs.example']);
    for (const m of reminders) expect(m.body).toContain('If you have answered already, thank you');
  });

  it('sends through a real SMTP server, keeps no link once sent, and records a refusal', async () => {
    const smtp = await smtpServer(undefined, 's2@nhs.example');
    try {
      await campaignFor(staff(3));
      await compose(true);
      const report = await sendPending(db.app, smtpTransport(smtp.url, 'Harbour <harbour@nhs.example>'));
      expect(report).toEqual({ sent: 2, failed: 1, unknown: 0 });
      expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(['s0@nhs.example', 's1@nhs.example']);
      // Quoted-printable folds long lines with a trailing "=".
      expect(smtp.received[0]!.data.replace(/=\r?\n/g, '')).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
      const rows = await outbox();
      expect(rows.map((m) => m.state)).toEqual(['sent', 'sent', 'failed']);
      for (const row of rows.filter((m) => m.state === 'sent')) expect(row.body).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
    } finally {
      await smtp.close();
    }
  });

  it('sends each reminder once even when the sender is killed mid-batch and started again', async () => {
    const people = 6;
    let sender: ReturnType<typeof spawn> | null = null;
    const exited: Promise<unknown>[] = [];
    // The third message is received, and the sender killed before it hears that it was accepted.
    const smtp = await smtpServer(async (count) => {
      if (count === 3 && sender) {
        sender.kill('SIGKILL');
        await exited[0];
      }
    });
    try {
      await campaignFor(staff(people), '2099-12-31');
      await compose(false);
      await db.owner.query(`DELETE FROM responses.outbox`);
      // Straight to reminders: the invitations were sent earlier.
      await db.owner.query(
        `INSERT INTO responses.outbox (id, tenant_id, invitation_id, kind, recipient, subject, body, state)
         SELECT gen_random_uuid(), i.tenant_id, i.id, 'invitation', 'x@nhs.example', 'x', 'x', 'sent' FROM responses.invitation i`,
      );
      expect(await compose(true, '2099-12-29')).toEqual({ invitation: 0, reminder: people });
      const run = (staleMs: number) => {
        const child = spawn(process.execPath, [path.join(repoRoot(), 'apps/responses/dist/delivery/send-command.js')], {
          env: { ...process.env, DATABASE_APP_URL: db.database.appUrl, HARBOUR_SMTP_URL: smtp.url, HARBOUR_SEND_STALE_MS: String(staleMs) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const done = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
        return { child, done };
      };
      const first = run(120_000);
      sender = first.child;
      exited.push(first.done);
      expect((await first.done).signal).toBe('SIGKILL');
      sender = null;
      const second = await run(0).done;
      expect(second.code).toBe(0);
      expect(second.output).toContain(`sent ${people - 3}, failed 0, found 1 left in flight by a stopped sender`);
      const perPerson = new Map<string, number>();
      for (const r of smtp.received) for (const to of r.to) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
      expect([...perPerson.values()]).toEqual(Array(people).fill(1));
      const states = (await db.owner.query(`SELECT state, count(*)::int AS n FROM responses.outbox WHERE kind = 'reminder' GROUP BY state ORDER BY state`)) as { state: string; n: number }[];
      expect(states).toEqual([
        { state: 'sent', n: people - 1 },
        { state: 'unknown', n: 1 },
      ]);
    } finally {
      await smtp.close();
    }
  });

  it('shows trust admins their outbox a page at a time, audited, and nobody else\'s', async () => {
    await campaignFor(staff(3));
    await compose(false);
    const admin = callerWith([{ role: 'trust_admin', organisationId: IDS.trust, tenantId: IDS.trust }]);
    const query = `query ($after: String) { outbox(organisationId: "${IDS.trust}", first: 2, after: $after) { nodes { recipient state body } pageInfo { endCursor hasNextPage } } }`;
    type Outbox = { outbox: { nodes: { recipient: string; state: string; body: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const first = await executeOperation<Outbox>(schema, as(db.app, admin), query);
    expect(first.data!.outbox.nodes).toHaveLength(2);
    expect(first.data!.outbox.pageInfo.hasNextPage).toBe(true);
    const second = await executeOperation<Outbox>(schema, as(db.app, admin), query, { after: first.data!.outbox.pageInfo.endCursor });
    const recipients = [...first.data!.outbox.nodes, ...second.data!.outbox.nodes].map((n) => n.recipient).sort();
    expect(recipients).toEqual(['s0@nhs.example', 's1@nhs.example', 's2@nhs.example']);
    expect(first.data!.outbox.nodes[0]!.state).toBe('HELD');
    expect((await db.owner.query(`SELECT count(*)::int AS n FROM responses.audit_event WHERE action = 'outbox.read'`))[0].n).toBe(2);
    const other = callerWith([{ role: 'trust_admin', organisationId: IDS.other, tenantId: IDS.other }]);
    expect((await executeOperation(schema, as(db.app, other), query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const evaluator = callerWith([{ role: 'evaluator', organisationId: IDS.trust, tenantId: IDS.trust }]);
    expect((await executeOperation(schema, as(db.app, evaluator), query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
