import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError, isUuid, LIST_SIZES } from '@harbour/graphql-kit';
import { Campaign } from './campaign.entity';
import { type AnonymityMode, CampaignState, ScheduleKind, type CampaignAudience, type CampaignSchedule } from './campaign-types';

export interface CampaignInput {
  organisationId: string;
  tenantId: string;
  surveyId: string;
  versionNumber: number;
  name: string;
  audience: CampaignAudience;
  schedule: CampaignSchedule;
  anonymity: AnonymityMode;
  minGroupSize: number;
  minComments: number;
  preferNotToSay: boolean;
  accountId: string;
}

interface Problem {
  path: string;
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string | null | undefined): value is string => typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
const within = (value: number | null | undefined, min: number, max: number) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Every problem with a campaign's settings, by field. */
export function campaignProblems(input: Pick<CampaignInput, 'audience' | 'schedule' | 'minGroupSize' | 'minComments'>): Problem[] {
  const problems: Problem[] = [];
  const { schedule, audience } = input;
  if (!isDay(schedule.opensOn)) problems.push({ path: 'schedule.opensOn', message: 'Give the day it opens as YYYY-MM-DD' });
  if (schedule.kind === ScheduleKind.WINDOW) {
    if (!isDay(schedule.closesOn)) problems.push({ path: 'schedule.closesOn', message: 'A one-off campaign needs the day it closes (YYYY-MM-DD)' });
    else if (isDay(schedule.opensOn) && schedule.closesOn < schedule.opensOn) problems.push({ path: 'schedule.closesOn', message: 'It cannot close before it opens' });
  }
  if (schedule.kind === ScheduleKind.RECURRING && !within(schedule.everyWeeks, 1, 52)) {
    problems.push({ path: 'schedule.everyWeeks', message: 'A recurring campaign repeats every 1 to 52 weeks' });
  }
  if (schedule.kind === ScheduleKind.LIFECYCLE && !within(schedule.daysAfterStart, 0, 730)) {
    problems.push({ path: 'schedule.daysAfterStart', message: 'A lifecycle campaign asks 0 to 730 days after each person starts' });
  }
  if (schedule.kind !== ScheduleKind.WINDOW && !within(schedule.windowDays, 1, 90)) {
    problems.push({ path: 'schedule.windowDays', message: 'Each invitation stays open for 1 to 90 days' });
  }
  if (schedule.until != null && (!isDay(schedule.until) || (isDay(schedule.opensOn) && schedule.until < schedule.opensOn))) {
    problems.push({ path: 'schedule.until', message: 'The last day must be a day (YYYY-MM-DD) on or after it opens' });
  }
  for (const key of ['startedWithinDays', 'startedAtLeastDaysAgo'] as const) {
    if (audience[key] != null && !within(audience[key], 0, 3650)) problems.push({ path: `audience.${key}`, message: 'Give a number of days from 0 to 3650' });
  }
  for (const key of ['roleIds', 'settingIds'] as const) {
    const ids = audience[key] ?? [];
    const most = LIST_SIZES[`CampaignAudience.${key}`];
    if (ids.length > most) problems.push({ path: `audience.${key}`, message: `Name at most ${most} (leave it empty for all)` });
    else if (ids.some((id) => !isUuid(id))) problems.push({ path: `audience.${key}`, message: 'Each must be a Harbour id (a UUID)' });
    else if (new Set(ids).size !== ids.length) problems.push({ path: `audience.${key}`, message: 'Name each only once' });
  }
  if (!within(input.minGroupSize, 3, 100)) problems.push({ path: 'minGroupSize', message: 'The minimum group size is 3 to 100' });
  if (!within(input.minComments, 3, 100) || input.minComments < input.minGroupSize) {
    problems.push({ path: 'minComments', message: 'The comments minimum is 3 to 100, and no smaller than the minimum group size' });
  }
  return problems;
}

function refuse(problems: Problem[]): void {
  if (problems.length) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, problems.length === 1 ? problems[0]!.message : `The campaign has ${problems.length} problems`, { problems });
  }
}

export async function createCampaign(db: EntityManager, input: CampaignInput): Promise<Campaign> {
  refuse(campaignProblems(input));
  const [version]: unknown[] = await db.query(`SELECT 1 FROM forms.survey_version WHERE survey_id = $1 AND number = $2`, [input.surveyId, input.versionNumber]);
  if (!version) throw new HarbourError(ErrorCode.BAD_USER_INPUT, `The survey has no published version ${input.versionNumber}: publish it first`, { field: 'versionNumber' });
  const id = randomUUID();
  await db.query(
    `INSERT INTO forms.campaign (id, tenant_id, organisation_id, survey_id, version_number, name, audience, schedule, anonymity, min_group_size, min_comments, prefer_not_to_say, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      input.tenantId,
      input.organisationId,
      input.surveyId,
      input.versionNumber,
      input.name.trim(),
      { ...input.audience },
      { ...input.schedule },
      input.anonymity,
      input.minGroupSize,
      input.minComments,
      input.preferNotToSay,
      input.accountId,
    ],
  );
  return (await db.getRepository(Campaign).findOneBy({ id }))!;
}

const MOVES: Record<string, CampaignState[]> = {
  [CampaignState.SCHEDULED]: [CampaignState.DRAFT],
  [CampaignState.CLOSED]: [CampaignState.DRAFT, CampaignState.SCHEDULED, CampaignState.OPEN],
};

/** Moves a campaign to `to` (SCHEDULED or CLOSED); BAD_USER_INPUT from a state that cannot. */
export async function moveCampaign(db: EntityManager, campaign: Campaign, to: CampaignState): Promise<Campaign> {
  if (!MOVES[to]?.includes(campaign.state)) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `A ${campaign.state} campaign cannot become ${to}`, { state: campaign.state });
  }
  await db.query(`UPDATE forms.campaign SET state = $2 WHERE id = $1`, [campaign.id, to]);
  return (await db.getRepository(Campaign).findOneBy({ id: campaign.id }))!;
}

/** How many staff are in the audience now: in post, in the subtree, in the roles, settings and tenure asked for. */
export async function audienceSize(db: EntityManager, tenantId: string, audience: CampaignAudience): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM directory.staff_audience a
     WHERE a.tenant_id = $1 AND a.left_on IS NULL
       AND (EXISTS (SELECT 1 FROM directory.organisation_ancestry c WHERE c.ancestor_id = $2 AND c.descendant_id = a.employing_organisation_id)
            OR EXISTS (SELECT 1 FROM unnest(a.host_organisation_ids) h JOIN directory.organisation_ancestry c ON c.descendant_id = h WHERE c.ancestor_id = $2))
       AND (cardinality($3::uuid[]) = 0 OR a.role_id = ANY($3::uuid[]))
       AND (cardinality($4::uuid[]) = 0 OR a.setting_id = ANY($4::uuid[]))
       AND ($5::int IS NULL OR a.started_on >= current_date - $5::int)
       AND ($6::int IS NULL OR a.started_on <= current_date - $6::int)`,
    [tenantId, audience.organisationId, audience.roleIds ?? [], audience.settingIds ?? [], audience.startedWithinDays ?? null, audience.startedAtLeastDaysAgo ?? null],
  );
  return n;
}
