import { Client } from 'pg';
import { demoData } from '@harbour/demo';
import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { isEmpty, seedDemo } from './seed';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function counts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*)::int FROM directory.organisation) AS organisations,
      (SELECT count(*)::int FROM directory.role WHERE tenant_id IS NOT NULL) AS roles,
      (SELECT count(*)::int FROM directory.setting WHERE tenant_id IS NOT NULL) AS settings,
      (SELECT count(*)::int FROM directory.account) AS accounts,
      (SELECT count(*)::int FROM directory.access_grant) AS grants,
      (SELECT count(*)::int FROM directory.staff) AS staff,
      (SELECT count(*)::int FROM forms.survey) AS surveys,
      (SELECT count(*)::int FROM responses.response) AS responses,
      (SELECT count(*)::int FROM insights.reporting_policy) AS policies`);
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('seedDemo', () => {
  it('writes nothing at all when any part fails', async () => {
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    // A clash the last subgraph's seed cannot get past: a reporting policy of the wrong shape.
    await owner.query('ALTER TABLE insights.reporting_policy ADD CONSTRAINT no_seed CHECK (min_group_size > 50) NOT VALID');
    try {
      await expect(seedDemo(database.ownerUrl, () => undefined)).rejects.toThrow(/no_seed/);
      expect(await counts()).toEqual({ organisations: 0, roles: 0, settings: 0, accounts: 0, grants: 0, staff: 0, surveys: 0, responses: 0, policies: 0 });
      expect(await isEmpty(database.ownerUrl)).toBe(true);
    } finally {
      await owner.query('ALTER TABLE insights.reporting_policy DROP CONSTRAINT no_seed');
      await owner.end();
    }
  });

  it('writes the demo once; a second run changes nothing', async () => {
    expect(await isEmpty(database.ownerUrl)).toBe(true);
    const lines: string[] = [];
    await seedDemo(database.ownerUrl, (line) => lines.push(line));
    expect(lines).toEqual(['seed [1/4] directory', 'seed [2/4] forms', 'seed [3/4] responses', 'seed [4/4] insights']);
    const demo = demoData();
    const first = await counts();
    expect(first).toEqual({
      organisations: demo.organisations.length,
      roles: demo.roles.filter((r) => r.tenantId !== null).length,
      settings: demo.settings.length,
      accounts: demo.accounts.length,
      grants: demo.accounts.flatMap((a) => a.grants).length,
      staff: demo.staff.length,
      surveys: demo.surveys.length,
      // The demo's early responses, and the answered invitations of its past rounds.
      responses: demo.responses.length + demo.history.flatMap((h) => h.invitations).filter((i) => i.answers).length,
      policies: demo.reportingPolicies.length,
    });
    expect(await isEmpty(database.ownerUrl)).toBe(false);
    // The demo's national roles are the catalogue's own rows (same ids, made by the migration).
    const client = new Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      const national = demo.roles.filter((r) => r.tenantId === null);
      const { rows } = await client.query(`SELECT id, code FROM directory.role WHERE id = ANY($1::uuid[]) AND tenant_id IS NULL ORDER BY code`, [
        national.map((r) => r.id),
      ]);
      expect(rows).toEqual(national.map((r) => ({ id: r.id, code: r.code })).sort((a, b) => a.code.localeCompare(b.code)));
    } finally {
      await client.end();
    }
    await seedDemo(database.ownerUrl, () => undefined);
    expect(await counts()).toEqual(first);
  });
});
