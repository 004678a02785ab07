import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { as, callerWith, executeOperation } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { buildDirectorySchema } from '../schema';

const db = useSubgraphTestDatabase(database);
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildDirectorySchema();
});

const TRUST = '40000000-0000-4000-8000-000000000000';
const team = (n: number) => `41000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const practice = (n: number) => `42000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const admin = callerWith([{ role: 'trust_admin', organisationId: TRUST, tenantId: TRUST }], 'session', '43000000-0000-4000-8000-000000000001');

/** A trust with 20 teams (ODS RXT01…) and 4 host practices (Y0001…), and the roles and settings files name. */
async function fixture(): Promise<void> {
  await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, kind, name, ods_code) VALUES ($1, $1, 'trust', 'Test Trust', 'RXT')`, [TRUST]);
  for (let n = 1; n <= 20; n++) {
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name, ods_code) VALUES ($1, $2, $2, 'team', $3, $4)`, [
      team(n),
      TRUST,
      `Team ${n}`,
      `RXT${String(n).padStart(2, '0')}`,
    ]);
  }
  for (let n = 1; n <= 4; n++) {
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name, ods_code) VALUES ($1, $2, $2, 'practice', $3, $4)`, [
      practice(n),
      TRUST,
      `Practice ${n}`,
      `Y000${n}`,
    ]);
  }
  await db.owner.query(
    `INSERT INTO directory.role (id, tenant_id, code, name, family) VALUES
     (gen_random_uuid(), NULL, 'peer_support_worker', 'Peer support worker', 'mental_health'),
     (gen_random_uuid(), NULL, 'care_coordinator', 'Care coordinator', 'additional_roles'),
     (gen_random_uuid(), $1, 'recovery_college_tutor', 'Recovery college tutor', 'local')`,
    [TRUST],
  );
  await db.owner.query(`INSERT INTO directory.setting (id, tenant_id, code, name) VALUES (gen_random_uuid(), NULL, 'inpatient', 'Inpatient'), (gen_random_uuid(), NULL, 'community', 'Community')`);
}

const HEADER = 'Assignment Number,Role,Employing Organisation,Host Organisations,Setting,Start Date,Cohort,Band,Line Manager Ref,Name,Email,Left Date,Leave Reason';

/** n clean rows, the same every time. */
function cleanRows(n: number): string[] {
  const roles = ['peer_support_worker', 'Care coordinator', 'recovery_college_tutor'];
  return Array.from({ length: n }, (_, i) => {
    const hosts = i % 3 === 0 ? `Y000${(i % 4) + 1};Y000${((i + 1) % 4) + 1}` : '';
    const day = String((i % 28) + 1).padStart(2, '0');
    return [`ESR${String(i).padStart(7, '0')}`, roles[i % 3], `RXT${String((i % 20) + 1).padStart(2, '0')}`, hosts, i % 2 ? 'inpatient' : 'community', `${day}/0${(i % 9) + 1}/2025`, `2025-${(i % 4) + 1}`, `Band ${(i % 4) + 3}`, `LM${i % 50}`, `Person ${i}`, `person.${i}@trust.example`, '', ''].join(',');
  });
}

type Report = { applied: boolean; rows: number; created: number; changed: number; updated: number; left: number; unchanged: number; problems: { row: number; column: string | null; message: string }[] };

async function runImport(csv: string, apply: boolean, importId?: string): Promise<Report> {
  const result = await executeOperation<{ importStaff: Report }>(
    schema,
    as(db.app, admin),
    `mutation ($input: ImportStaffInput!) { importStaff(input: $input) { applied rows created changed updated left unchanged problems { row column message } } }`,
    { input: { organisationId: TRUST, csv, apply, importId } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.importStaff;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await db.owner.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return n;
}

describe('importing staff from CSV', () => {
  beforeEach(fixture);

  it('applies nothing from a file with problems, and names each bad row and column', async () => {
    const rows = cleanRows(5);
    rows[1] = rows[1]!.replace('RXT02', 'RXT99'); // unknown organisation
    rows[2] = rows[2]!.replace(/\d\d\/0\d\/2025/, '31/02/2025'); // bad date
    rows[3] = rows[3]!.replace('ESR0000003', 'ESR0000000'); // duplicate reference
    rows[4] = rows[4]!.replace('Care coordinator', 'Chief wizard'); // unknown role
    const report = await runImport([HEADER, ...rows].join('\n'), true);
    expect(report.applied).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Employing Organisation'],
      [4, 'Start Date'],
      [5, 'Assignment Number'],
      [6, 'Role'],
    ]);
    expect(await count('directory.staff')).toBe(0);
    expect(await count('directory.employment_event')).toBe(0);
  });

  it('imports a clean file of 10,000 staff with their history, reports progress, and changes nothing the second time', async () => {
    const csv = [HEADER, ...cleanRows(10_000)].join('\n');
    const check = await runImport(csv, false);
    expect(check).toMatchObject({ applied: false, rows: 10_000, created: 10_000, problems: [] });
    expect(await count('directory.staff')).toBe(0);

    const importId = randomUUID();
    const first = await runImport(csv, true, importId);
    expect(first).toMatchObject({ applied: true, created: 10_000, changed: 0, updated: 0, unchanged: 0 });
    expect(await count('directory.staff WHERE tenant_id = $1', [TRUST])).toBe(10_000);
    expect(await count(`directory.employment_event WHERE kind = 'started'`)).toBe(10_000);
    expect(await count('directory.staff_host')).toBe(2 * 3334);
    expect(await count('directory.staff_contact')).toBe(10_000);
    const progress = await executeOperation<{ staffImport: { phase: string; processed: number; total: number } }>(
      schema,
      as(db.app, admin),
      `{ staffImport(id: "${importId}") { phase processed total } }`,
    );
    expect(progress.data!.staffImport).toEqual({ phase: 'done', processed: 10_000, total: 10_000 });

    const [before] = await db.owner.query(`SELECT max(updated_at) AS at FROM directory.staff`);
    const again = await runImport(csv, true);
    expect(again).toMatchObject({ applied: true, created: 0, changed: 0, updated: 0, left: 0, unchanged: 10_000 });
    expect(await count('directory.employment_event')).toBe(10_000);
    const [after] = await db.owner.query(`SELECT max(updated_at) AS at FROM directory.staff`);
    expect(after.at).toEqual(before.at);
  }, 60_000);

  it('keeps employment history: a change of role and a leaving are added, never written over', async () => {
    const rows = cleanRows(3);
    await runImport([HEADER, ...rows].join('\n'), true);
    rows[0] = rows[0]!.replace('peer_support_worker', 'care_coordinator');
    rows[1] = rows[1]!.replace(/,,$/, ',2026-06-30,Lack of support');
    const report = await runImport([HEADER, ...rows].join('\n'), true);
    expect(report).toMatchObject({ created: 0, changed: 1, left: 1, unchanged: 1 });
    const history = await executeOperation<{ staff: { nodes: { externalRef: string; leftOn: string | null; role: { code: string }; events: { kind: string; leaveReason: string | null }[] }[] } }>(
      schema,
      as(db.app, admin),
      `{ staff(organisationId: "${TRUST}", includeLeft: true) { nodes { externalRef leftOn role { code } events { kind leaveReason } } } }`,
    );
    expect(history.data!.staff.nodes).toEqual([
      { externalRef: 'ESR0000000', leftOn: null, role: { code: 'care_coordinator' }, events: [{ kind: 'STARTED', leaveReason: null }, { kind: 'CHANGED', leaveReason: null }] },
      { externalRef: 'ESR0000001', leftOn: '2026-06-30', role: { code: 'care_coordinator' }, events: [{ kind: 'STARTED', leaveReason: null }, { kind: 'LEFT', leaveReason: 'LACK_OF_SUPPORT' }] },
      { externalRef: 'ESR0000002', leftOn: null, role: { code: 'recovery_college_tutor' }, events: [{ kind: 'STARTED', leaveReason: null }] },
    ]);
    // Leavers drop out of the default list.
    const current = await executeOperation<{ staff: { nodes: unknown[] } }>(schema, as(db.app, admin), `{ staff(organisationId: "${TRUST}") { nodes { externalRef } } }`);
    expect(current.data!.staff.nodes).toHaveLength(2);
  });

  it('is for trust admins: an evaluator may neither import nor list staff', async () => {
    const evaluator = callerWith([{ role: 'evaluator', organisationId: TRUST, tenantId: TRUST }]);
    const result = await executeOperation(schema, as(db.app, evaluator), `mutation { importStaff(input: { organisationId: "${TRUST}", csv: "x" }) { applied } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await executeOperation(schema, as(db.app, evaluator), `{ staff(organisationId: "${TRUST}") { nodes { externalRef } } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
