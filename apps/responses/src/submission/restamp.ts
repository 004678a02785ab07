import type { EntityManager } from 'typeorm';

/**
 * Rewrites, in the caller's one transaction, every completed invitation of each anonymous
 * campaign round that had a submission since the last run, so that none still carries the id of the
 * transaction that wrote its response (and the rollups it changed): all of a round's
 * completed invitations then share one, which says no more than their state does. Between a
 * submission and the next run, a reader of the live database could still pair the two.
 * Returns how many invitations were rewritten.
 */
export async function restampAnonymousCompletions(db: EntityManager): Promise<number> {
  const [done] = (await db.query(
    `WITH rewritten AS (
       UPDATE responses.invitation i SET restamped = true
       WHERE i.anonymity = 'anonymous' AND i.state = 'completed'
         AND (i.campaign_id, i.round) IN (SELECT DISTINCT campaign_id, round FROM responses.invitation WHERE NOT restamped)
       RETURNING 1)
     SELECT count(*)::int AS n FROM rewritten`,
  )) as { n: number }[];
  return done!.n;
}
