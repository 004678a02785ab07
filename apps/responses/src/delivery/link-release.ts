import type { EntityManager } from 'typeorm';

/** SQL: whether the links of the campaign in `campaignColumn` were released to admins. */
export const linksReleased = (campaignColumn: string) => `EXISTS (SELECT 1 FROM responses.link_release l WHERE l.campaign_id = ${campaignColumn})`;

export interface LinkRelease {
  campaignId: string;
  releasedAt: Date;
  /** Held messages whose links it released. */
  messages: number;
}

/**
 * Releases a campaign's personal links to its trust's admins, for hand delivery: from now on
 * the outbox shows its held messages whole, and every response submitted to it after this is
 * marked as through a released link (so it never counts towards a group's minimum). Once per
 * campaign: `fresh` is false when it had been done already (and that first release stands).
 */
export async function releaseLinks(db: EntityManager, campaign: { campaignId: string; tenantId: string }, accountId: string): Promise<LinkRelease & { fresh: boolean }> {
  const rows = (await db.query(
    `INSERT INTO responses.link_release (campaign_id, tenant_id, released_by, messages)
     SELECT $1, $2, $3, count(*)::int FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id WHERE i.campaign_id = $1 AND o.state = 'held'
     ON CONFLICT (campaign_id) DO NOTHING
     RETURNING released_at, messages`,
    [campaign.campaignId, campaign.tenantId, accountId],
  )) as { released_at: Date; messages: number }[];
  const fresh = rows.length > 0;
  const [release] = fresh ? rows : ((await db.query(`SELECT released_at, messages FROM responses.link_release WHERE campaign_id = $1`, [campaign.campaignId])) as typeof rows);
  return { campaignId: campaign.campaignId, releasedAt: release!.released_at, messages: release!.messages, fresh };
}

/** When each of these campaigns' links were released, if they were. */
export async function releasesOf(db: EntityManager, campaignIds: readonly string[]): Promise<Map<string, Date>> {
  const rows = (await db.query(`SELECT campaign_id, released_at FROM responses.link_release WHERE campaign_id = ANY($1::uuid[])`, [campaignIds])) as {
    campaign_id: string;
    released_at: Date;
  }[];
  return new Map(rows.map((r) => [r.campaign_id, r.released_at]));
}
