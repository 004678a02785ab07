import { Client } from 'pg';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let url: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gatewayUrl;
}, 60_000);
afterAll(() => platform?.stop());

type Event = { action: string; service: string; targetType: string; targetId: string | null; credential: string | null; client: string | null; details: Record<string, unknown>; actor: { email: string } | null; organisation: { name: string } | null };
const EVENT_FIELDS = 'action service targetType targetId credential client details actor { email } organisation { name }';

async function auditLog(headers: Record<string, string>, args = 'first: 50'): Promise<{ events?: Event[]; code?: string }> {
  const { body } = await postGraphQL(url, `{ auditLog(${args}) { nodes { ${EVENT_FIELDS} } } }`, headers);
  if (body.errors) return { code: body.errors[0]!.extensions?.code };
  return { events: (body.data as { auditLog: { nodes: Event[] } }).auditLog.nodes };
}

describe('the audit trail', () => {
  it('records who changed what, when and from which client, and shows it to the tenant\'s admins only', async () => {
    const admin = await signInAs(url, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = (await postGraphQL(url, '{ organisations(tenantsOnly: true) { nodes { id } } }', admin)).body.data as { organisations: { nodes: { id: string }[] } };
    const trustId = trust.organisations.nodes[0]!.id;
    const created = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'audit-test/1.0', ...admin },
      body: JSON.stringify({ query: `mutation { createOrganisation(input: { parentId: "${trustId}", kind: SERVICE, name: "Early Intervention Service" }) { id } }` }),
    });
    const { data } = (await created.json()) as { data: { createOrganisation: { id: string } } };
    const { events } = await auditLog(admin, 'first: 5, action: "organisation.create"');
    expect(events![0]).toMatchObject({
      action: 'organisation.create',
      service: 'directory',
      targetType: 'organisation',
      targetId: data.createOrganisation.id,
      credential: 'session',
      actor: { email: DEMO_ACCOUNTS.northmoorAdmin },
      organisation: { name: 'Early Intervention Service' },
      details: { kind: 'service', name: 'Early Intervention Service', parentId: trustId },
    });
    expect(events![0]!.client).toMatch(/^127\.0\.0\.1 audit-test\/1\.0$/);
    // Riverside's admin sees none of Northmoor's events; an evaluator may not read the trail.
    const riverside = await auditLog(await signInAs(url, DEMO_ACCOUNTS.riversideAdmin), 'first: 50, action: "organisation.create"');
    expect(riverside.events).toEqual([]);
    expect((await auditLog(await signInAs(url, DEMO_ACCOUNTS.northmoorEvaluator))).code).toBe('FORBIDDEN');
  });

  it('records reads of row-level response data, and refused sign-ins though the request failed', async () => {
    const admin = await signInAs(url, DEMO_ACCOUNTS.northmoorAdmin);
    await postGraphQL(url, '{ organisations(tenantsOnly: true) { nodes { surveys { nodes { responses(first: 2) { nodes { submittedOn } } } } } } }', admin);
    const reads = await auditLog(admin, 'first: 10, action: "responses.read"');
    expect(reads.events!.length).toBeGreaterThan(0);
    expect(reads.events![0]).toMatchObject({ service: 'responses', targetType: 'survey', details: { responses: 2 } });
    await postGraphQL(url, `mutation { signIn(input: { email: "${DEMO_ACCOUNTS.perinatalLead}", password: "not it at all" }) { token } }`);
    const platformAdmin = await signInAs(url, DEMO_ACCOUNTS.platformAdmin);
    const refused = await auditLog(platformAdmin, 'first: 5, action: "session.refused"');
    expect(refused.events![0]).toMatchObject({ action: 'session.refused', actor: { email: DEMO_ACCOUNTS.perinatalLead }, details: { why: 'wrong' } });
    // Account-level events (no tenant) are the platform admins' alone.
    expect((await auditLog(admin, 'first: 5, action: "session.refused"')).events).toEqual([]);
  });

  it('cannot be changed or deleted by the services', async () => {
    for (const schema of ['directory', 'forms', 'responses', 'insights']) {
      const client = new Client({ connectionString: platform.database.appUrl, options: `-c role=harbour_${schema} -c harbour.all_tenants=on` });
      await client.connect();
      try {
        await expect(client.query(`UPDATE ${schema}.audit_event SET action = 'x.y'`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`DELETE FROM ${schema}.audit_event`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
    }
  });
});
