import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { authorise, LIST_SIZES, notFound, parseId, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { CampaignProgress } from './progress.types';
import { releasesOf } from '../delivery/link-release';
import { showable, suppressedKeys } from './suppression';

type Totals = Omit<CampaignProgress, 'responseRate' | 'minGroupSize' | 'byOrganisation' | 'linksReleasedAt' | 'started' | 'completed' | 'withdrawn'> & {
  started: number;
  completed: number;
  withdrawn: number;
};

@Resolver()
export class ProgressResolver {
  @Query(() => CampaignProgress, { description: 'How far a campaign has got (trust admins): invited, started, completed, messages; by organisation with small groups withheld.' })
  async campaignProgress(@Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string, @Ctx() ctx: HarbourContext): Promise<CampaignProgress> {
    requireScope(ctx, 'manage');
    const id = parseId('campaignId', campaignId);
    const [campaign] = (await ctx.db.query(`SELECT tenant_id, organisation_id, min_group_size FROM forms.delivery_campaign WHERE campaign_id = $1`, [id])) as {
      tenant_id: string;
      organisation_id: string;
      min_group_size: number;
    }[];
    if (!campaign) throw notFound('Campaign', campaignId);
    await authorise(ctx, 'manage', { organisationId: campaign.organisation_id, tenantId: campaign.tenant_id });
    // One pass over the invitations and one over their messages.
    const [totals] = (await ctx.db.query(
      `SELECT i.*, m.*
       FROM (SELECT count(*)::int AS invited,
                    count(*) FILTER (WHERE state = 'started')::int AS started,
                    count(*) FILTER (WHERE state = 'completed')::int AS completed,
                    count(*) FILTER (WHERE state = 'withdrawn' AND completed_on IS NOT NULL)::int AS withdrawn,
                    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM directory.staff_delivery_contact k WHERE k.staff_id = j.staff_id))::int AS "withoutEmail"
             FROM responses.invitation j WHERE j.campaign_id = $1) i,
            (SELECT count(*) FILTER (WHERE o.kind = 'invitation')::int AS "invitationsWritten",
                    count(*) FILTER (WHERE o.kind = 'reminder')::int AS "remindersWritten",
                    count(*) FILTER (WHERE o.state = 'sent')::int AS "messagesSent",
                    count(*) FILTER (WHERE o.state = 'held')::int AS "messagesHeld",
                    count(*) FILTER (WHERE o.state IN ('failed', 'unknown'))::int AS "messagesNotSent"
             FROM responses.outbox o JOIN responses.invitation j ON j.id = o.invitation_id WHERE j.campaign_id = $1) m`,
      [id],
    )) as Totals[];
    const groups = (await ctx.db.query(
      `SELECT organisation_id, count(*)::int AS invited, count(*) FILTER (WHERE state = 'completed')::int AS completed
       FROM responses.invitation WHERE campaign_id = $1 GROUP BY organisation_id ORDER BY invited DESC, organisation_id`,
      [id],
    )) as { organisation_id: string; invited: number; completed: number }[];
    const hidden = suppressedKeys(
      groups.map((g) => ({ key: g.organisation_id, count: g.completed })),
      campaign.min_group_size,
    );
    const t = totals!;
    const released = await releasesOf(ctx.db, [id]);
    const k = campaign.min_group_size;
    // The total goes too when the withheld organisations add up to fewer than k (all of them withheld).
    const withheldSum = groups.reduce((sum, g) => sum + (hidden.has(g.organisation_id) ? g.completed : 0), 0);
    const completedShown = showable(t.completed, k) && showable(withheldSum, k);
    const small = (n: number) => (showable(n, k) ? n : null);
    return {
      ...t,
      started: small(t.started),
      withdrawn: small(t.withdrawn),
      completed: completedShown ? t.completed : null,
      linksReleasedAt: released.get(id) ?? null,
      responseRate: completedShown ? (t.invited ? t.completed / t.invited : 0) : null,
      minGroupSize: campaign.min_group_size,
      // Withheld as a whole (above), then the largest shown.
      byOrganisation: groups.slice(0, LIST_SIZES['CampaignProgress.byOrganisation']).map((g) => {
        const suppressed = hidden.has(g.organisation_id);
        return {
          organisation: { id: g.organisation_id },
          invited: g.invited,
          completed: suppressed ? null : g.completed,
          responseRate: suppressed ? null : g.invited ? g.completed / g.invited : 0,
          suppressed,
        };
      }),
    };
  }
}
