import type { EntityManager } from 'typeorm';
import { decodeCursor, pageFrom, type Page } from '@harbour/graphql-kit';
import { Response } from './response.entity';

const SUBMITTED_ON = `(r.submitted_at AT TIME ZONE 'UTC')::date`;

/**
 * Completed responses to one survey, newest day first (keyset on the UTC day, id).
 * The cursor holds the day only, so it reveals no more than `submittedOn` does.
 */
export async function completedResponses(
  db: EntityManager,
  surveyId: string,
  page: { first: number; after?: string | null },
): Promise<Page<Response>> {
  const query = db
    .getRepository(Response)
    .createQueryBuilder('r')
    .where('r.survey_id = :surveyId', { surveyId })
    .andWhere(`r.status = 'completed'`)
    .orderBy(SUBMITTED_ON, 'DESC')
    .addOrderBy('r.id', 'DESC')
    .limit(page.first + 1);
  if (page.after) {
    const [submittedOn, id] = decodeCursor(page.after, 2);
    query.andWhere(`(${SUBMITTED_ON}, r.id) < (CAST(:submittedOn AS date), CAST(:id AS uuid))`, { submittedOn, id });
  }
  return pageFrom(await query.getMany(), page.first, (r) => [r.submittedAt!.toISOString().slice(0, 10), r.id]);
}

/** Responses by id, for loaders. */
export function responsesByIds(db: EntityManager, ids: readonly string[]): Promise<Response[]> {
  return db.getRepository(Response).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
