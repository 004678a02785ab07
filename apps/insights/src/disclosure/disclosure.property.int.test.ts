import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { pick, seededRandom } from '@harbour/demo';
import { useSubgraphTestDatabase } from '@harbour/db/testing';
import { withTenants, type GrantScope } from '@harbour/graphql-kit';
import { PLATFORM_ADMIN } from '@harbour/graphql-kit/testing';
import { database } from '../database';
import { cellConditions, countsInCells, sumCells, type Grouping, type ReportFilter } from '../report/report-query';
import { NO_COHORT, NO_SETTING } from './cells';
import { refreshCells } from './refresh-cells';

/**
 * Property: over random organisation trees, random respondents and random filters and
 * breakdowns, no combination of the figures returned can single out fewer than k people; nor
 * can the comments, read through their own partition, single out fewer than the comments
 * minimum (Survey.responseCount and Role.summary are checked to count the same cells as the
 * filters for a survey and a role); nor can the invited counts (their own partition, of invitees) single out fewer
 * than k invitees. Who answered is counted by the response cells alone (a report's
 * `completed` is its figures' `responded`), so no two partitions count the same people. Some respondents answered through links released to admins: those an admin may
 * have written, so they never count as people here (k genuine respondents or none).
 *
 * Each respondent is given a marker measure of their own (`who:<i>`), so every figure's exact
 * membership can be read back. The figures' sets split the respondents they count into classes
 * (alike in which figures count them); any sum or difference of figures is constant on those
 * classes, so if every class holds k or more, nothing smaller can be isolated. The classic
 * attacks (parent minus children, total minus shown siblings, one filter minus an overlapping
 * one) are checked one by one as well.
 */
const db = useSubgraphTestDatabase(database);
const SCENARIOS = 24;
const QUERIES = 40;
const BANDS = ['0-3', '3-6', '6-12', '12-24', '24+'];
const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'];
const GROUPINGS: (Grouping | null)[] = [null, 'role', 'setting', 'organisation', 'cohort', 'tenure_band', 'month', 'quarter'];
const MIN_COMMENTS = 10;

interface Respondent {
  id: number;
  organisationId: string;
  roleId: string;
  settingId: string | null;
  cohort: string | null;
  band: string;
  month: string;
  /** Answered through a released link: an admin may have written it. */
  released: boolean;
}

interface Scenario {
  tenantId: string;
  surveyId: string;
  k: number;
  organisations: string[];
  roles: string[];
  settings: string[];
  respondents: Respondent[];
  /** Each person invited, by the key of the invitation cells' atom they fall in (as the published view works it out). */
  invitees: string[];
}

function subset<T>(random: () => number, items: readonly T[]): T[] | undefined {
  if (random() < 0.4) return undefined;
  const chosen = items.filter(() => random() < 0.5);
  return chosen.length ? chosen : [pick(random, items)];
}

async function seedScenario(random: () => number, releasing: boolean): Promise<Scenario> {
  const tenantId = randomUUID();
  const surveyId = randomUUID();
  const campaignId = randomUUID();
  const k = 3 + Math.floor(random() * 4);
  const organisations: string[] = [tenantId];
  const parentOf = new Map<string, string | null>([[tenantId, null]]);
  // A tree of up to three levels below the trust, one to three children each.
  let frontier: string[] = [tenantId];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const next: string[] = [];
    for (const parent of frontier) {
      const count = depth === 0 ? 1 + Math.floor(random() * 3) : Math.floor(random() * 3);
      for (let i = 0; i < count; i++) {
        const id = randomUUID();
        organisations.push(id);
        parentOf.set(id, parent);
        next.push(id);
      }
    }
    frontier = next;
  }
  for (const id of organisations) {
    await db.owner.query(`INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      tenantId,
      parentOf.get(id),
      id === tenantId ? 'trust' : 'team',
      `Organisation ${id.slice(0, 8)}`,
    ]);
  }
  await db.owner.query(`INSERT INTO insights.reporting_policy (tenant_id, min_group_size, min_comments) VALUES ($1, $2, $3)`, [tenantId, k, MIN_COMMENTS]);
  const roles: string[] = [randomUUID(), randomUUID(), randomUUID()];
  const settings: string[] = [randomUUID(), randomUUID()];
  // Skewed: most people in a few places, some alone, so both big and tiny groups occur.
  const busy = organisations.slice(0, 1 + Math.floor(random() * organisations.length));
  const respondents: Respondent[] = Array.from({ length: 30 + Math.floor(random() * 90) }, (_, id) => ({
    id,
    organisationId: random() < 0.8 ? pick(random, busy) : pick(random, organisations),
    roleId: random() < 0.7 ? roles[0]! : pick(random, roles),
    settingId: random() < 0.1 ? null : pick(random, settings),
    cohort: random() < 0.2 ? null : pick(random, ['2025', '2026']),
    band: pick(random, BANDS),
    month: pick(random, MONTHS),
    released: releasing && random() < 0.15,
  }));
  for (const r of respondents) {
    await db.owner.query(
      `INSERT INTO responses.rollup AS x (tenant_id, campaign_id, survey_id, month, organisation_id, role_id, setting_id, cohort, tenure_band, measure, n, total, total_sq, favourable)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, m, 1, 1, 1, 0 FROM unnest($10::text[]) AS m
       ON CONFLICT (tenant_id, campaign_id, month, organisation_id, role_id, (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)
       DO UPDATE SET n = x.n + 1, total = x.total + 1, total_sq = x.total_sq + 1`,
      [tenantId, campaignId, surveyId, r.month, r.organisationId, r.roleId, r.settingId, r.cohort, r.band, ['responses', `who:${r.id}`, ...(r.released ? ['released'] : [])]],
    );
  }
  // Invitations: as many people again as answered, in the same skewed places, opened on random days with random start dates.
  const people = respondents.length * 2;
  for (let i = 0; i < people; i++) {
    const opensOn = `${pick(random, MONTHS).slice(0, 8)}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const startedOn = new Date(Date.parse(opensOn) - Math.floor(random() * 900) * 86_400_000).toISOString().slice(0, 10);
    await db.owner.query(
      `INSERT INTO responses.invitation (id, tenant_id, campaign_id, staff_id, survey_id, version_number, anonymity, role_id, organisation_id, setting_id, cohort, started_on, opens_on, closes_on, state)
       VALUES ($1, $2, $3, $4, $5, 1, 'anonymous', $6, $7, $8, $9, $10, $11, '2099-12-31', $12)`,
      [
        randomUUID(),
        tenantId,
        campaignId,
        randomUUID(),
        surveyId,
        random() < 0.7 ? roles[0]! : pick(random, roles),
        random() < 0.8 ? pick(random, busy) : pick(random, organisations),
        random() < 0.1 ? null : pick(random, settings),
        random() < 0.2 ? null : pick(random, ['2025', '2026']),
        startedOn,
        opensOn,
        random() < 0.5 ? 'completed' : 'invited',
      ],
    );
  }
  const invitees = (
    (await db.owner.query(
      `SELECT concat_ws('|', organisation_id, role_id, coalesce(setting_id, '${NO_SETTING}'::uuid), coalesce(cohort, '${NO_COHORT}'),
                        responses.tenure_band((extract(year FROM age(opens_on, started_on)) * 12 + extract(month FROM age(opens_on, started_on)))::int),
                        date_trunc('month', opens_on)::date) AS key
       FROM responses.invitation WHERE tenant_id = $1`,
      [tenantId],
    )) as { key: string }[]
  ).map((r) => r.key);
  await db.owner.query(`INSERT INTO responses.rollup_version (tenant_id, version) VALUES ($1, 1)`, [tenantId]);
  return { tenantId, surveyId, k, organisations, roles, settings, respondents, invitees };
}

function randomQuery(random: () => number, s: Scenario): { filter: ReportFilter; grouping: Grouping | null } {
  const organisationId = random() < 0.3 ? undefined : pick(random, s.organisations);
  const [a, b] = [pick(random, MONTHS), pick(random, MONTHS)].sort();
  const roleIds = subset(random, s.roles);
  const grouping = pick(random, GROUPINGS);
  return {
    filter: {
      surveyIds: [s.surveyId],
      organisationId,
      ...(roleIds && random() < 0.2 ? { otherThanRoleIds: roleIds } : { roleIds }),
      settingIds: subset(random, s.settings),
      cohorts: subset(random, ['2025', '2026', '']),
      tenureBands: subset(random, BANDS),
      ...(random() < 0.5 ? { from: a, to: b } : {}),
    },
    grouping: grouping === 'organisation' && !organisationId ? null : grouping,
  };
}

/** The atom keys of a population's cells wholly inside a filter: whom its figures for that filter count. */
async function keysInside(em: EntityManager, scope: GrantScope, population: 'comments' | 'invitations', filter: ReportFilter): Promise<Set<string>> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const { where } = cellConditions(scope, filter, param);
  const atoms = (await em.query(
    `SELECT a.organisation_id, a.role_id, a.setting_id, a.cohort, a.tenure_band, a.month::text AS month
     FROM insights.report_cell c JOIN insights.report_atom a ON a.cell_id = c.id WHERE c.population = ${param(population)} AND ${where.join(' AND ')}`,
    params,
  )) as { organisation_id: string; role_id: string; setting_id: string; cohort: string; tenure_band: string; month: string }[];
  return new Set(atoms.map((a) => [a.organisation_id, a.role_id, a.setting_id, a.cohort, a.tenure_band, a.month].join('|')));
}

/** Who the comments of a filter come from: the respondents of the comment cells wholly inside it. */
async function commentMembers(em: EntityManager, scope: GrantScope, s: Scenario, filter: ReportFilter): Promise<number[]> {
  const keys = await keysInside(em, scope, 'comments', filter);
  const keyOf = (r: Respondent) => [r.organisationId, r.roleId, r.settingId ?? NO_SETTING, r.cohort ?? NO_COHORT, r.band, r.month].join('|');
  return s.respondents.filter((r) => keys.has(keyOf(r))).map((r) => r.id);
}

/** Who a filter's invited count counts: the invitees of the invitation cells wholly inside it, by index. */
async function invitedMembers(em: EntityManager, scope: GrantScope, s: Scenario, filter: ReportFilter): Promise<number[]> {
  const keys = await keysInside(em, scope, 'invitations', filter);
  return s.invitees.flatMap((key, i) => (keys.has(key) ? [i] : []));
}

describe('disclosure: no figure or combination of figures singles out fewer than k', () => {
  it(`holds over ${SCENARIOS} random trusts and ${QUERIES} random filters and breakdowns each`, async () => {
    const random = seededRandom(20261123);
    let released = 0;
    let commented = 0;
    let invitations = 0;
    let counted = 0;
    let people = 0;
    for (let scenario = 0; scenario < SCENARIOS; scenario++) {
      // Every other trust has some responses through released links.
      const releasing = scenario % 2 === 1;
      const s = await seedScenario(random, releasing);
      const scope: GrantScope = { everywhere: false, tenantIds: [s.tenantId], organisationIds: [] };
      const sets: { label: string; members: number[]; parts?: number[][] }[] = [];
      const commentSets: { label: string; members: number[] }[] = [];
      const invitedSets: { label: string; members: number[] }[] = [];
      await withTenants(db.app, PLATFORM_ADMIN, async (em) => {
        await refreshCells(em, s.tenantId);
        const everyone = await sumCells(em, scope, { surveyIds: [s.surveyId] }, null, ['responses']);
        // Survey.responseCount and Role.summary count the same cells as these filters do.
        expect(await countsInCells(em, scope, 'survey', [s.surveyId], [s.tenantId])).toEqual([everyone.get(null)?.get('responses')?.n ?? 0]);
        const byRole = await countsInCells(em, scope, 'role', s.roles, [s.tenantId]);
        for (const [i, roleId] of s.roles.entries()) {
          const role = await sumCells(em, scope, { surveyIds: [s.surveyId], roleIds: [roleId] }, null, ['who:']);
          const members = [...(role.get(null)?.keys() ?? [])].map((m) => Number(m.slice(4)));
          expect(byRole[i]).toBe(members.length);
          sets.push({ label: `Role.summary of ${roleId}`, members });
        }
        // What the guarantee costs, where no link was released.
        if (!releasing) {
          counted += everyone.get(null)?.get('responses')?.n ?? 0;
          people += s.respondents.length;
        }
        for (let q = 0; q < QUERIES; q++) {
          const { filter, grouping } = randomQuery(random, s);
          const grouped = await sumCells(em, scope, filter, grouping, ['responses', 'who:']);
          const parts: number[][] = [];
          for (const [key, measures] of grouped) {
            const members = [...measures.entries()].filter(([m, sums]) => m.startsWith('who:') && sums.n === 1).map(([m]) => Number(m.slice(4)));
            // Each figure's count is its members, whatever the grouping.
            expect(measures.get('responses')?.n).toBe(members.length);
            sets.push({ label: `${JSON.stringify(filter)} by ${grouping} = ${key}`, members });
            parts.push(members);
          }
          // The breakdown's total, as a separate filter would give it.
          const whole = await sumCells(em, scope, filter, null, ['who:']);
          const total = [...(whole.get(null)?.keys() ?? [])].map((m) => Number(m.slice(4)));
          // Breakdown rows lie inside the total, and no one is in two rows.
          const inTotal = new Set(total);
          expect(parts.flat().every((m) => inTotal.has(m))).toBe(true);
          expect(new Set(parts.flat()).size).toBe(parts.flat().length);
          if (grouping) sets.push({ label: `${JSON.stringify(filter)} total`, members: total, parts });
          commentSets.push({ label: `comments of ${JSON.stringify(filter)}`, members: await commentMembers(em, scope, s, filter) });
          // The invited count, as roleEvaluation reads it, is its members.
          const invited = await invitedMembers(em, scope, s, filter);
          expect((await sumCells(em, scope, filter, null, ['invited'], 'invitations')).get(null)?.get('invited')?.n ?? 0).toBe(invited.length);
          invitedSets.push({ label: `invited of ${JSON.stringify(filter)}`, members: invited });
        }
      });

      // People: respondents no admin could have written (a released link's answers are known to whoever holds it).
      const genuineRespondents = (members: Iterable<number>) => [...members].filter((m) => !s.respondents[m]!.released).length;
      const genuine = genuineRespondents;
      const atLeast = (n: number, k: number) => n === 0 || n >= k;
      for (const set of sets) {
        // No figure over fewer than k.
        if (set.members.length) expect({ figure: set.label, n: genuine(set.members) >= s.k }).toEqual({ figure: set.label, n: true });
        // Total minus the shown rows of its breakdown (parent minus children, for organisations).
        if (set.parts) {
          const shown = new Set(set.parts.flat());
          const rest = genuine(set.members.filter((m) => !shown.has(m)));
          expect({ figure: set.label, rest: atLeast(rest, s.k) }).toEqual({ figure: set.label, rest: true });
        }
      }
      /** Every class of people the sets tell apart holds `k` genuine ones or none: so does any sum or difference of them. */
      const classesHold = (all: { label: string; members: number[] }[], k: number, what: string, population = s.respondents.map((r) => r.id), genuine = genuineRespondents) => {
        // One set minus another it contains (two overlapping filters).
        const asSets = all.map((x) => new Set(x.members));
        for (const big of asSets) {
          for (const small of asSets) {
            if (small.size >= big.size || ![...small].every((m) => big.has(m))) continue;
            expect({ what, difference: atLeast(genuine([...big].filter((m) => !small.has(m))), k) }).toEqual({ what, difference: true });
          }
        }
        const classes = new Map<string, number[]>();
        for (const id of population) {
          const signature = all
            .map((x, i) => (x.members.includes(id) ? i : -1))
            .filter((i) => i >= 0)
            .join(',');
          if (signature) classes.set(signature, [...(classes.get(signature) ?? []), id]);
        }
        for (const [signature, members] of classes) expect({ what, signature, big: atLeast(genuine(members), k) }).toEqual({ what, signature, big: true });
      };
      classesHold(sets, s.k, 'figures');
      classesHold(commentSets, MIN_COMMENTS, 'comments');
      // Invitees: every one counts (no answers are shown of them).
      for (const set of invitedSets) if (set.members.length) expect({ figure: set.label, n: set.members.length >= s.k }).toEqual({ figure: set.label, n: true });
      classesHold(invitedSets, s.k, 'invitations', s.invitees.map((_, i) => i), (members) => [...members].length);
      invitations += invitedSets.filter((x) => x.members.length).length;
      released += sets.filter((x) => x.members.length).length;
      commented += commentSets.filter((x) => x.members.length).length;
    }
    // Not vacuous: figures are shown, and the whole trust's figure counts nearly everyone.
    console.log(`disclosure property: ${released} figures, ${commented} comment sets and ${invitations} invited counts shown; the whole-trust figures count ${counted} of ${people} respondents (trusts with no released links)`);
    expect(released).toBeGreaterThan(SCENARIOS * 4);
    expect(commented).toBeGreaterThan(SCENARIOS);
    expect(invitations).toBeGreaterThan(SCENARIOS * 4);
    expect(counted / people).toBeGreaterThan(0.9);
  }, 120_000);
});
