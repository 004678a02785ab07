import type { EntityManager } from 'typeorm';
import { decodeCursor, groupByKey, pageFrom, type Page } from '@harbour/graphql-kit';
import { Response } from './response.entity';
import type { ResponseStatus } from './response-status';

const SUBMITTED_ON = `(r.submitted_at AT TIME ZONE 'UTC')::date`;

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
 * no more than `submittedOn` does.
 */
export async function completedResponsesBySurvey(
  db: EntityManager,
  surveyIds: readonly string[],
  page: PageRequest,
): Promise<Page<Response>[]> {
  const after = page.after ? decodeCursor(page.after, ['date', 'uuid']) : null;
  const params: unknown[] = [surveyIds, page.first + 1, ...(after ?? [])];
  const rows: ResponseRow[] = await db.query(
    `SELECT p.id, p.tenant_id, p.survey_id, p.role_id, p.organisation_id, p.status, p.submitted_at
     FROM unnest($1::uuid[]) AS s(id)
     CROSS JOIN LATERAL (
       SELECT r.* FROM responses.response r
       WHERE r.survey_id = s.id AND r.status = 'completed'
         ${after ? `AND (${SUBMITTED_ON}, r.id) < ($3::date, $4::uuid)` : ''}
       ORDER BY ${SUBMITTED_ON} DESC, r.id DESC
       LIMIT $2
     ) p`,
    params,
  );
  const responses = rows.map((row) =>
    Object.assign(new Response(), {
      id: row.id,
      tenantId: row.tenant_id,
      surveyId: row.survey_id,
      roleId: row.role_id,
      organisationId: row.organisation_id,
      status: row.status,
      submittedAt: row.submitted_at,
    }),
  );
  return groupByKey(surveyIds, responses, (r) => r.surveyId).map((list) =>
    pageFrom(list, page.first, (r) => [r.submittedAt!.toISOString().slice(0, 10), r.id]),
  );
}

/** Responses by id, for loaders. */
export function responsesByIds(db: EntityManager, ids: readonly string[]): Promise<Response[]> {
  return db.getRepository(Response).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
