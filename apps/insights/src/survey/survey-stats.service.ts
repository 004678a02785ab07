import type { EntityManager } from 'typeorm';

/** Completed responses per survey, read from the view the responses subgraph publishes. */
export async function completedCountsBySurvey(db: EntityManager, surveyIds: readonly string[]): Promise<number[]> {
  const rows: { survey_id: string; n: string }[] = await db.query(
    `SELECT survey_id, count(*) AS n FROM responses.completed_response_facts
     WHERE survey_id = ANY($1::uuid[]) GROUP BY survey_id`,
    [surveyIds],
  );
  const counts = new Map(rows.map((row) => [row.survey_id, Number(row.n)]));
  return surveyIds.map((id) => counts.get(id) ?? 0);
}
