import type { EntityManager } from 'typeorm';

/** What happened to a response, as a campaign's activity counts it. */
export type ActivityKind = 'submitted' | 'withdrawn' | 'erased';

/**
 * Appends one row per response to its campaign's activity (`responses.campaign_activity`), in
 * the caller's transaction: its campaign, today's date in England and whether it came through
 * a released link, nothing that leads to the response or the person. The audit log shows the
 * counts per campaign and day; each row is a new one, so no submission waits on another's.
 */
export async function recordActivity(db: EntityManager, kind: ActivityKind, responses: readonly { tenantId: string; campaignId: string; viaReleasedLink: boolean }[]): Promise<void> {
  if (!responses.length) return;
  await db.query(
    `INSERT INTO responses.campaign_activity (tenant_id, campaign_id, day, kind, via_released_link)
     SELECT t, c, (now() AT TIME ZONE 'Europe/London')::date, $1, v FROM unnest($2::uuid[], $3::uuid[], $4::boolean[]) AS x(t, c, v)`,
    [kind, responses.map((r) => r.tenantId), responses.map((r) => r.campaignId), responses.map((r) => r.viaReleasedLink)],
  );
}
