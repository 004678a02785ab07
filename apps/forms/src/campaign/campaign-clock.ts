import type { EntityManager } from 'typeorm';
import { ALL_TENANTS, withTenants, type BackgroundJob } from '@harbour/graphql-kit';

/** Campaigns' days are NHS days: the clock reads the date in England. */
const TODAY = `(now() AT TIME ZONE 'Europe/London')::date`;

/** Each move's UPDATE, with an audit event for every campaign it moved, done by Harbour itself. */
function moveSql(from: string[], to: string, when: string): string {
  return `
    WITH moved AS (
      UPDATE forms.campaign SET state = '${to}'
      WHERE state IN (${from.map((s) => `'${s}'`).join(', ')}) AND ${when}
        AND ($2::uuid IS NULL OR id = $2::uuid)
      RETURNING id, tenant_id, organisation_id
    ), logged AS (
      INSERT INTO forms.audit_event (tenant_id, organisation_id, client, action, target_type, target_id, details)
      SELECT tenant_id, organisation_id, 'harbour campaign clock', 'campaign.${to === 'open' ? 'open' : 'close'}', 'campaign', id, '{}'::jsonb FROM moved
    )
    SELECT id FROM moved ORDER BY id`;
}

const OPEN = moveSql(['scheduled'], 'open', `(schedule->>'opensOn')::date <= COALESCE($1::date, ${TODAY})`);
// The last day: closesOn for one window; until (when set) for recurring and lifecycle campaigns.
const CLOSE = moveSql(['scheduled', 'open'], 'closed', `COALESCE(schedule->>'closesOn', schedule->>'until')::date < COALESCE($1::date, ${TODAY})`);

/**
 * Moves scheduled campaigns along their schedules: OPEN from the day they open, CLOSED after
 * their last day (one that opened and ended while no clock ran ends CLOSED). Under the row-level
 * security of `db`'s transaction; only `campaignId` when given; `today` (YYYY-MM-DD) for tests.
 */
export async function advanceCampaigns(db: EntityManager, options: { today?: string; campaignId?: string } = {}): Promise<{ opened: string[]; closed: string[] }> {
  const params = [options.today ?? null, options.campaignId ?? null];
  const opened = ((await db.query(OPEN, params)) as { id: string }[]).map((r) => r.id);
  const closed = ((await db.query(CLOSE, params)) as { id: string }[]).map((r) => r.id);
  return { opened, closed };
}

/** The queue of the forms subgraph's clock. */
export const CAMPAIGN_CLOCK = 'campaign-clock';

/** The forms subgraph's clock: every minute, across all tenants. */
export const campaignClock: BackgroundJob = {
  name: CAMPAIGN_CLOCK,
  everyMs: 60_000,
  run: async (dataSource) => {
    await withTenants(dataSource, ALL_TENANTS, (db) => advanceCampaigns(db));
  },
};
