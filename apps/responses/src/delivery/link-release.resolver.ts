import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { audit, authorise, notFound, parseId, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { releaseLinks } from './link-release';

@ObjectType('LinkRelease', { description: 'A campaign\'s personal links, released to its trust\'s admins for hand delivery.' })
export class LinkReleaseResult {
  @Field(() => ID, { description: 'The campaign.' })
  campaignId!: string;

  @Field(() => Date, { description: 'When they were released (the first time, if asked again).' })
  releasedAt!: Date;

  @Field(() => Int, { description: 'Held messages whose links were released then.' })
  messages!: number;
}

@Resolver()
export class LinkReleaseResolver {
  @Mutation(() => LinkReleaseResult, {
    description:
      'Releases a campaign\'s personal links for hand delivery (trust admins): the outbox then shows its held messages with their links. ' +
      'Until then admins see every message but its link. Deliberate and audited; it cannot be undone, and the campaign\'s progress and reports say it was done. ' +
      'Responses submitted after it count in every figure but never towards a group\'s minimum, since others may hold their links. Asking again changes nothing.',
  })
  async releaseInvitationLinks(@Arg('campaignId', () => ID, { description: 'The campaign.' }) campaignId: string, @Ctx() ctx: HarbourContext): Promise<LinkReleaseResult> {
    const caller = requireAccount(ctx, { session: true });
    requireScope(ctx, 'manage');
    const id = parseId('campaignId', campaignId);
    const [campaign] = (await ctx.db.query(`SELECT tenant_id, organisation_id FROM forms.delivery_campaign WHERE campaign_id = $1`, [id])) as { tenant_id: string; organisation_id: string }[];
    if (!campaign) throw notFound('Campaign', campaignId);
    await authorise(ctx, 'manage', { organisationId: campaign.organisation_id, tenantId: campaign.tenant_id });
    const release = await releaseLinks(ctx.db, { campaignId: id, tenantId: campaign.tenant_id }, caller.accountId);
    if (release.fresh) {
      await audit(ctx, { action: 'campaign.links_release', tenantId: campaign.tenant_id, organisationId: campaign.organisation_id, targetType: 'campaign', targetId: id, details: { messages: release.messages } });
    }
    return release;
  }
}
