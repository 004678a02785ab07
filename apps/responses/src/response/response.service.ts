import type { EntityManager } from 'typeorm';
import { pagesPerParent, scopeCondition, type GrantScope, type Page } from '@harbour/graphql-kit';
import { Response } from './response.entity';
import type { ResponseStatus } from './response-status';

export interface PageRequest {
  first: number;
  after?: string | null;
}

interface ResponseRow {
  id: string;
  tenant_id: string;
  survey_id: string;
  role_id: string;
  organisation_id: string;
  status: ResponseStatus;
  submitted_at: Date | null;
}

/**
 * Completed responses to each of several surveys, newest day first (keyset on the UTC day,
 * id): one page per survey, all in one query. The cursor holds the day only, so it reveals
 * no more than `submittedOn` does. Only responses from organisations inside `scope`.
 */
export function completedResponsesBySurvey(
  db: EntityManager,
  surveyIds: readonly string[],
  page: PageRequest,
  scope: GrantScope,
): Promise<Page<Response>[]> {
  return pagesPerParent<ResponseRow, Response>(db, surveyIds, page, {
    table: 'responses.response',
    parentColumn: 'survey_id',
    where: (param) => `t.status = 'completed' AND ${scopeCondition(scope, { tenant: 't.tenant_id', organisation: 't.organisation_id' }, param)}`,
    order: [
      { sql: `(t.submitted_at AT TIME ZONE 'UTC')::date`, part: 'date' },
      { sql: 't.id', part: 'uuid' },
    ],
    direction: 'DESC',
    map: (row) =>
      Object.assign(new Response(), {
        id: row.id,
        tenantId: row.tenant_id,
        surveyId: row.survey_id,
        roleId: row.role_id,
        organisationId: row.organisation_id,
        status: row.status,
        submittedAt: row.submitted_at,
      }),
    parentOf: (r) => r.surveyId,
    cursorOf: (r) => [r.submittedAt!.toISOString().slice(0, 10), r.id],
  });
}

/** Responses by id, for loaders. */
export function responsesByIds(db: EntityManager, ids: readonly string[]): Promise<Response[]> {
  return db.getRepository(Response).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
