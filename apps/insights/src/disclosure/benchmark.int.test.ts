import { randomUUID } from 'node:crypto';
import { nationalId, pick, seededRandom } from '@harbour/demo';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';
import { database } from '../database';
import { sumBenchmarkCells, type BenchmarkFilter } from '../report/report-query';
import { refreshBenchmark } from './refresh-benchmark';

/**
 * The all-tenant benchmark never shows one tenant: every figure rests on three tenants or
 * more, and (the same argument as for groups of k) so does every class of respondents the
 * figures tell apart, so no sum or difference of benchmark figures isolates one tenant.
 */
const db = useSubgraphTestDatabase(database);
const ROLES = { psw: nationalId('role', 'peer_support_worker'), lw: nationalId('role', 'social_prescribing_link_worker'), pa: nationalId('role', 'physician_associate') };
const SETTINGS = [nationalId('setting', 'community'), nationalId('setting', 'inpatient')];
const BANDS = ['0-3', '3-6', '6-12', '12-24', '24+'];
const MONTHS = ['2026-01-01', '2026-02-01', '2026-04-01', '2026-07-01'];

interface Respondent {
  id: number;
  tenant: number;
  role: string;
}

async function seed(): Promise<{ respondents: Respondent[]; tenants: string[] }> {
  const random = seededRandom(7);
  const tenants = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  // The national catalogue entries used (the test database starts empty).
  for (const code of ['peer_support_worker', 'social_prescribing_link_worker', 'physician_associate']) {
    await db.owner.query(`INSERT INTO directory.role (id, tenant_id, code, name) VALUES (md5('harbour.role.' || $1)::uuid, NULL, $1, $1)`, [code]);
  }
  for (const code of ['community', 'inpatient']) {
    await db.owner.query(`INSERT INTO directory.setting (id, tenant_id, code, name) VALUES (md5('harbour.setting.' || $1)::uuid, NULL, $1, $1)`, [code]);
  }
  const respondents: Respondent[] = [];
  // Peer support workers in three trusts; link workers in one (many of them); physician associates in two.
  const plan: [number, string, number][] = [
    [0, ROLES.psw, 12],
    [1, ROLES.psw, 9],
    [2, ROLES.psw, 14],
    [0, ROLES.lw, 25],
    [0, ROLES.pa, 8],
    [1, ROLES.pa, 8],
    [3, ROLES.psw, 2],
  ];
  for (const [index, tenantId] of tenants.entries()) {
    const survey = randomUUID();
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $1, NULL, 'trust', $2)`, [tenantId, `Trust ${index}`]);
    await db.owner.query(
      `INSERT INTO forms.survey (id, tenant_id, organisation_id, title, status, instrument_code, instrument_version) VALUES ($1, $2, $2, 'Where I belong', 'published', 'where_i_belong', 1)`,
      [survey, tenantId],
    );
    for (const [tenant, role, count] of plan.filter(([t]) => t === index)) {
      for (let i = 0; i < count; i++) {
        const r = { id: respondents.length, tenant, role };
        respondents.push(r);
        await db.owner.query(
          `INSERT INTO responses.rollup AS x (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure, n, total, total_sq, favourable)
           SELECT $1, $1, $2, $3, $1, $4, $5, NULL, $6, m, 1, 1, 1, 0 FROM unnest($7::text[]) AS m
           ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
           DO UPDATE SET n = x.n + 1, total = x.total + 1, total_sq = x.total_sq + 1`,
          [tenantId, survey, pick(random, MONTHS), role, pick(random, SETTINGS), pick(random, BANDS), ['responses', `who:${r.id}`]],
        );
      }
    }
    await db.owner.query(`INSERT INTO responses.rollup_version (tenant_id, version) VALUES ($1, 1)`, [tenantId]);
  }
  return { respondents, tenants };
}

describe('the all-tenant benchmark', () => {
  it('shows only what three tenants or more contribute to, and no combination singles one out', async () => {
    const { respondents } = await seed();
    const sets: number[][] = [];
    await withTenants(db.app, ALL_TENANTS, async (em) => {
      expect(await refreshBenchmark(em)).toBe(true);
      // Nothing changed: not rebuilt.
      expect(await refreshBenchmark(em)).toBe(false);
      const members = (sums: Map<string, { n: number }> | undefined) =>
        [...(sums?.entries() ?? [])].filter(([m, s]) => m.startsWith('who:') && s.n === 1).map(([m]) => Number(m.slice(4)));
      const ask = async (filter: Omit<BenchmarkFilter, 'instruments'>, grouping: 'role' | 'setting' | 'tenure_band' | null = null) => {
        const grouped = await sumBenchmarkCells(em, { instruments: ['where_i_belong'], ...filter }, grouping, ['responses', 'who:']);
        for (const sums of grouped.values()) sets.push(members(sums));
        return grouped;
      };
      // Link workers: 25 responses, one trust: never shown. Physician associates: two trusts: never shown.
      expect((await ask({ roleIds: [ROLES.lw] })).size).toBe(0);
      expect((await ask({ roleIds: [ROLES.pa] })).size).toBe(0);
      const psw = (await ask({ roleIds: [ROLES.psw] })).get(null)!;
      // 37 in all; a few may sit in cells merged across roles, which a role filter leaves out whole.
      expect(psw.get('responses')!.n).toBeGreaterThanOrEqual(30);
      expect(psw.get('responses')!.n).toBeLessThanOrEqual(37);
      const byRole = await ask({}, 'role');
      expect(byRole.has(ROLES.lw)).toBe(false);
      const random = seededRandom(11);
      for (let q = 0; q < 60; q++) {
        await ask(
          {
            roleIds: random() < 0.5 ? undefined : [pick(random, Object.values(ROLES))],
            settingIds: random() < 0.5 ? undefined : [pick(random, SETTINGS)],
            tenureBands: random() < 0.6 ? undefined : [pick(random, BANDS)],
            ...(random() < 0.4 ? { from: '2026-01-01', to: pick(random, MONTHS) } : {}),
          },
          pick(random, [null, 'role', 'setting', 'tenure_band'] as const),
        );
      }
    });
    const shown = sets.filter((s) => s.length);
    expect(shown.length).toBeGreaterThan(10);
    const tenantsIn = (ids: number[]) => new Set(ids.map((id) => respondents[id]!.tenant)).size;
    for (const set of shown) expect(tenantsIn(set)).toBeGreaterThanOrEqual(3);
    // Classes of respondents alike in which figures count them: each spans three tenants.
    const classes = new Map<string, number[]>();
    for (const r of respondents) {
      const signature = sets.map((s, i) => (s.includes(r.id) ? i : -1)).filter((i) => i >= 0).join(',');
      if (signature) classes.set(signature, [...(classes.get(signature) ?? []), r.id]);
    }
    for (const [signature, ids] of classes) expect({ signature, tenants: tenantsIn(ids) >= 3, k: ids.length >= 5 }).toEqual({ signature, tenants: true, k: true });
  });
});
