import { Client } from 'pg';
import { subgraphRole } from '@harbour/db';
import { createTestDatabase, type TestDatabase } from '@harbour/db/testing';
import { demoData } from '@harbour/demo';
import { seedDemo } from './seed';

/**
 * Row-level security at the database, as the services connect: the runtime login acting as
 * each subgraph's role. Two demo tenants: Northmoor (A) and Riverside (B).
 */
const demo = demoData();
const [tenantA, tenantB] = demo.organisations.filter((o) => o.parentId === null).map((o) => o.id) as [string, string];

let database: TestDatabase;
let owner: Client;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.ownerUrl, () => undefined);
  owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
  // The demo keeps one staff contact and no imports: give each tenant one of each.
  for (const tenant of [tenantA, tenantB]) {
    await owner.query(
      `INSERT INTO directory.staff_contact (staff_id, tenant_id, name, email) SELECT id, tenant_id, 'Sam', 'sam@example.org' FROM directory.staff s
       WHERE tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM directory.staff_contact c WHERE c.staff_id = s.id) LIMIT 1`,
      [tenant],
    );
    await owner.query(`INSERT INTO directory.staff_import (id, tenant_id, apply, phase) VALUES (gen_random_uuid(), $1, false, 'done')`, [tenant]);
    await owner.query(
      `INSERT INTO directory.staff_host (tenant_id, staff_id, organisation_id)
       SELECT s.tenant_id, s.id, s.tenant_id FROM directory.staff s WHERE s.tenant_id = $1 ORDER BY s.external_ref LIMIT 1 ON CONFLICT DO NOTHING`,
      [tenant],
    );
  }
  // The demo has no campaigns: give each tenant one, of its first published survey.
  for (const tenant of [tenantA, tenantB]) {
    await owner.query(
      `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule)
       SELECT gen_random_uuid(), s.tenant_id, s.organisation_id, s.id, 1, 'Test', jsonb_build_object('organisationId', s.tenant_id), '{"kind": "window"}'
       FROM forms.survey s WHERE s.tenant_id = $1 AND s.status = 'published' ORDER BY s.title LIMIT 1`,
      [tenant],
    );
  }
  // Nor invitations, links, messages, pseudonym keys, link releases or rollups: one of each per tenant (at least).
  for (const tenant of [tenantA, tenantB]) {
    const { rows } = await owner.query(
      `INSERT INTO responses.invitation (id, tenant_id, campaign_id, staff_id, survey_id, version_number, anonymity, role_id, organisation_id, started_on, opens_on, closes_on)
       SELECT gen_random_uuid(), c.tenant_id, c.id, s.id, c.survey_id, 1, 'pseudonymous', s.role_id, s.employing_organisation_id, s.started_on, current_date, current_date
       FROM forms.campaign c JOIN directory.staff s ON s.tenant_id = c.tenant_id
       WHERE c.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM responses.invitation i WHERE i.campaign_id = c.id AND i.staff_id = s.id) LIMIT 1 RETURNING id, campaign_id, survey_id, role_id, organisation_id`,
      [tenant],
    );
    const invitation = rows[0] as { id: string; campaign_id: string; survey_id: string; role_id: string; organisation_id: string };
    await owner.query(`INSERT INTO responses.invitation_link (token_hash, tenant_id, invitation_id, expires_at) VALUES (sha256(gen_random_uuid()::text::bytea), $1, $2, now() + interval '1 day')`, [
      tenant,
      invitation.id,
    ]);
    await owner.query(
      `INSERT INTO responses.outbox (id, tenant_id, invitation_id, kind, recipient, subject, body, state) VALUES (gen_random_uuid(), $1, $2, 'invitation', 'sam@example.org', 'Survey', 'Hello', 'held')`,
      [tenant, invitation.id],
    );
    await owner.query(`INSERT INTO responses.pseudonym_key (tenant_id, key) VALUES ($1::uuid, sha256($1::text::bytea)) ON CONFLICT DO NOTHING`, [tenant]);
    await owner.query(`INSERT INTO responses.link_release (campaign_id, tenant_id, released_by, messages) VALUES ($1, $2, gen_random_uuid(), 1)`, [invitation.campaign_id, tenant]);
    await owner.query(`INSERT INTO responses.campaign_activity (tenant_id, campaign_id, day, kind, via_released_link) VALUES ($1, $2, current_date, 'submitted', false)`, [tenant, invitation.campaign_id]);
    // A submission's measures, not yet folded.
    await owner.query(
      `INSERT INTO responses.rollup_delta (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, tenure_band, sign, measures, vals, favourable, ys)
       SELECT tenant_id, campaign_id, survey_id, date_trunc('month', current_date)::date, organisation_id, role_id, '0-3', 1, '{responses}', '{1}', '{0}', '{0}' FROM responses.invitation WHERE id = $1`,
      [invitation.id],
    );
    await owner.query(
      `INSERT INTO responses.rollup (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, tenure_band, measure, n, total, total_sq, favourable)
       VALUES ($1, $2, $3, date_trunc('month', current_date)::date, $4, $5, '0-3', 'responses', 1, 1, 1, 0) ON CONFLICT DO NOTHING`,
      [tenant, invitation.campaign_id, invitation.survey_id, invitation.organisation_id, invitation.role_id],
    );
    await owner.query(`INSERT INTO responses.rollup_version (tenant_id, version) VALUES ($1, 1) ON CONFLICT DO NOTHING`, [tenant]);
    // And insights' disclosure cells built from them.
    await owner.query(`INSERT INTO insights.report_state (tenant_id, fingerprint, cells, excluded) VALUES ($1, '1', 1, 0)`, [tenant]);
    const cell = await owner.query(
      `INSERT INTO insights.report_cell (tenant_id, population, survey_id, organisation_id, role_id, period_unit, period_start, period_end, n, k)
       VALUES ($1, 'responses', $2, $3, $4, 'month', date_trunc('month', current_date), date_trunc('month', current_date), 5, 5) RETURNING id`,
      [tenant, invitation.survey_id, invitation.organisation_id, invitation.role_id],
    );
    await owner.query(
      `INSERT INTO insights.report_cell_measure (cell_id, tenant_id, measure, n, total, total_sq, favourable, total_y, total_y_sq, total_xy) VALUES ($1, $2, 'responses', 5, 5, 5, 0, 0, 0, 0)`,
      [cell.rows[0].id, tenant],
    );
    await owner.query(
      `INSERT INTO insights.report_atom (tenant_id, population, survey_id, organisation_id, role_id, setting_id, cohort, tenure_band, month, cell_id)
       VALUES ($1, 'responses', $2, $3, $4, '00000000-0000-0000-0000-000000000000', '', '0-3', date_trunc('month', current_date), $5)`,
      [tenant, invitation.survey_id, invitation.organisation_id, invitation.role_id, cell.rows[0].id],
    );
  }
  // The demo records no audit events: give each trail one per tenant.
  for (const schema of ['directory', 'forms', 'responses', 'insights']) {
    await owner.query(
      `INSERT INTO ${schema}.audit_event (tenant_id, action, target_type) VALUES ($1, 'test.event', 'test'), ($2, 'test.event', 'test')`,
      [tenantA, tenantB],
    );
  }
});
afterAll(async () => {
  await owner.end();
  await database.drop();
});

interface TenantTable {
  schema: string;
  table: string;
  rls: boolean;
  forced: boolean;
}

/** Every table in Harbour's schemas with a tenant_id column: the tenant-owned ones. */
async function tenantOwnedTables(): Promise<TenantTable[]> {
  const { rows } = await owner.query<TenantTable>(
    `SELECT n.nspname AS schema, c.relname AS "table", c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE c.relkind = 'r' AND a.attname = 'tenant_id' AND NOT a.attisdropped
       AND n.nspname IN ('directory', 'forms', 'responses', 'insights')
     ORDER BY 1, 2`,
  );
  return rows;
}

/** Runs `work` in a transaction as `schema`'s subgraph role with `tenants` set, as a request does; rolls back. */
async function asTenant<T>(schema: string, tenants: string[], work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.appUrl, options: `-c role=${subgraphRole(schema)}` });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('harbour.tenant_ids', $1, true)`, [`{${tenants.join(',')}}`]);
    return await work(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

describe('row-level security', () => {
  it('is enabled and forced on every tenant-owned table of every subgraph', async () => {
    const tables = await tenantOwnedTables();
    expect(tables.map((t) => `${t.schema}.${t.table}`)).toEqual([
      'directory.access_grant',
      'directory.audit_event',
      'directory.employment_event',
      'directory.organisation',
      'directory.organisation_closure',
      'directory.role',
      'directory.setting',
      'directory.staff',
      'directory.staff_contact',
      'directory.staff_host',
      'directory.staff_import',
      'forms.audit_event',
      'forms.campaign',
      'forms.survey',
      'forms.survey_version',
      'insights.audit_event',
      'insights.report_atom',
      'insights.report_cell',
      'insights.report_cell_measure',
      'insights.report_state',
      'insights.reporting_policy',
      'responses.audit_event',
      'responses.campaign_activity',
      'responses.invitation',
      'responses.invitation_link',
      'responses.link_release',
      'responses.outbox',
      'responses.pseudonym_key',
      'responses.response',
      'responses.rollup',
      'responses.rollup_delta',
      'responses.rollup_version',
    ]);
    for (const table of tables) expect({ table: table.table, rls: table.rls, forced: table.forced }).toEqual({ table: table.table, rls: true, forced: true });
  });

  it('lets tenant A read, count, update and delete none of tenant B\'s rows, nor write rows for B', async () => {
    for (const { schema, table } of await tenantOwnedTables()) {
      const name = `${schema}.${table}`;
      const [{ n: rowsOfB }] = (await owner.query(`SELECT count(*)::int AS n FROM ${name} WHERE tenant_id = $1`, [tenantB])).rows;
      expect({ name, rowsOfB: rowsOfB > 0 }).toEqual({ name, rowsOfB: true });
      await asTenant(schema, [tenantA], async (c) => {
        const seen = await c.query(`SELECT count(*)::int AS n FROM ${name} WHERE tenant_id = $1`, [tenantB]);
        expect({ name, seen: seen.rows[0].n }).toEqual({ name, seen: 0 });
        const mine = await c.query(`SELECT count(*)::int AS n FROM ${name} WHERE tenant_id = $1`, [tenantA]);
        expect({ name, mine: mine.rows[0].n > 0 }).toEqual({ name, mine: true });
        if (table === 'audit_event' || table === 'campaign_activity') {
          // Append-only: no update or delete at all, and no entry written for another tenant.
          await c.query('SAVEPOINT audit');
          await expect(c.query(`UPDATE ${name} SET tenant_id = tenant_id WHERE tenant_id = $1`, [tenantB])).rejects.toThrow(/permission denied/);
          await c.query('ROLLBACK TO SAVEPOINT audit');
          await c.query('SAVEPOINT audit');
          await expect(c.query(`DELETE FROM ${name} WHERE tenant_id = $1`, [tenantA])).rejects.toThrow(/permission denied/);
          await c.query('ROLLBACK TO SAVEPOINT audit');
          const foreign =
            table === 'audit_event'
              ? c.query(`INSERT INTO ${name} (tenant_id, action, target_type) VALUES ($1, 'x.y', 'x')`, [tenantB])
              : c.query(`INSERT INTO ${name} (tenant_id, campaign_id, day, kind, via_released_link) VALUES ($1, gen_random_uuid(), current_date, 'submitted', false)`, [tenantB]);
          await expect(foreign).rejects.toThrow(/row-level security/);
          return;
        }
        const updated = await c.query(`UPDATE ${name} SET tenant_id = tenant_id WHERE tenant_id = $1`, [tenantB]);
        expect({ name, updated: updated.rowCount }).toEqual({ name, updated: 0 });
        const deleted = await c.query(`DELETE FROM ${name} WHERE tenant_id = $1`, [tenantB]);
        expect({ name, deleted: deleted.rowCount }).toEqual({ name, deleted: 0 });
        // Moving one of A's rows into B is refused outright.
        await c.query('SAVEPOINT move');
        await expect(c.query(`UPDATE ${name} SET tenant_id = $2 WHERE ctid = (SELECT ctid FROM ${name} WHERE tenant_id = $1 LIMIT 1)`, [tenantA, tenantB])).rejects.toThrow(
          /row-level security|violates|cannot move|cannot be changed/,
        );
        await c.query('ROLLBACK TO SAVEPOINT move');
      });
    }
    // Tenant B's rows are all still there.
    const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM responses.response WHERE tenant_id = $1`, [tenantB])).rows;
    const history = demo.history.filter((h) => h.tenantId === tenantB).flatMap((h) => h.invitations);
    expect(n).toBe(demo.responses.filter((r) => r.tenantId === tenantB).length + history.filter((i) => i.answers).length);
  });

  it('shows no tenant-owned row at all when no tenant is set', async () => {
    for (const { schema, table } of await tenantOwnedTables()) {
      const client = new Client({ connectionString: database.appUrl, options: `-c role=${subgraphRole(schema)}` });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${schema}.${table} WHERE tenant_id IS NOT NULL`);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      } finally {
        await client.end();
      }
    }
  });

  it('filters the views one subgraph publishes to another by the reader\'s tenants', async () => {
    const facts = await asTenant('insights', [tenantA], (c) =>
      c.query<{ tenant_id: string; n: number }>(`SELECT tenant_id, count(*)::int AS n FROM responses.completed_response_facts GROUP BY 1`),
    );
    expect(facts.rows.map((r) => r.tenant_id)).toEqual([tenantA]);
    const ancestry = await asTenant('forms', [tenantB], (c) =>
      c.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM directory.organisation_ancestry`),
    );
    expect(ancestry.rows.map((r) => r.tenant_id)).toEqual([tenantB]);
    // What forms and the directory publish to responses, to deliver campaigns.
    for (const view of ['forms.delivery_campaign', 'forms.delivery_survey_version', 'directory.staff_audience', 'directory.staff_delivery_contact']) {
      const seen = await asTenant('responses', [tenantA], (c) => c.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${view}`));
      expect({ view, tenants: seen.rows.map((r) => r.tenant_id) }).toEqual({ view, tenants: [tenantA] });
    }
  });
});
