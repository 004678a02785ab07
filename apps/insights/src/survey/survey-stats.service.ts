import type { EntityManager } from 'typeorm';
import type { GrantScope } from '@harbour/graphql-kit';
import { countsInCells } from '../report/report-query';

/**
 * Completed responses per survey from organisations inside `scope`, counted as reports count
 * them (whole disclosure cells): 0 until a survey has a group large enough to report.
 */
export async function completedCountsBySurvey(db: EntityManager, surveyIds: readonly string[], scope: GrantScope): Promise<number[]> {
  // By the surveys' own rows (their primary key): the rollups hold no index by survey.
  const tenants = (await db.query(`SELECT DISTINCT tenant_id FROM forms.report_survey WHERE survey_id = ANY($1::uuid[])`, [surveyIds])) as { tenant_id: string }[];
  return countsInCells(db, scope, 'survey', surveyIds, tenants.map((t) => t.tenant_id));
}
