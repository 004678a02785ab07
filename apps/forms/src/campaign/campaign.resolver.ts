import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Length } from 'class-validator';
import { atMost, audit, LIST_SIZES, authorise, ErrorCode, HarbourError, notFound, parseId, placementLoader, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { Survey } from '../survey/survey.entity';
import { surveyLoader } from '../survey/survey.loaders';
import { AnonymityMode, CampaignAudience, CampaignSchedule, CampaignState } from './campaign-types';
import { advanceCampaigns } from './campaign-clock';
import { Campaign } from './campaign.entity';
import { audienceSize, createCampaign, moveCampaign } from './campaign.service';

@InputType({ description: 'A new campaign, made as a DRAFT.' })
export class CreateCampaignInput {
  @Field(() => ID, { description: 'The survey it sends.' })
  surveyId!: string;

  @Field(() => Int, { description: 'Which published version of it.' })
  versionNumber!: number;

  @Field(() => String, { description: 'Its name.' })
  @Length(1, 200)
  name!: string;

  @Field(() => CampaignAudience, { description: 'Who it asks; the audience organisation must be one you manage, in the survey\'s tenant.' })
  audience!: CampaignAudience;

  @Field(() => CampaignSchedule, { description: 'When it asks.' })
  schedule!: CampaignSchedule;

  // No defaultValue here: the subgraph schema is rebuilt from SDL, which loses an enum default's internal value.
  @Field(() => AnonymityMode, { nullable: true, description: 'What it promises respondents; PSEUDONYMOUS when absent.' })
  anonymity?: AnonymityMode | null;

  @Field(() => Int, { defaultValue: 5, description: 'Reports show no group smaller than this (3 to 100).' })
  minGroupSize: number = 5;

  @Field(() => Int, { defaultValue: 10, description: 'Comments only from groups at least this large (3 to 100, and no smaller than minGroupSize).' })
  minComments: number = 10;

  @Field(() => Boolean, { defaultValue: false, description: 'Let respondents answer "Prefer not to say" to any question (counted as no answer in reports).' })
  preferNotToSay: boolean = false;
}

async function managedCampaign(ctx: HarbourContext, id: string): Promise<Campaign> {
  requireScope(ctx, 'manage');
  const campaign = await ctx.db.getRepository(Campaign).findOneBy({ id: parseId('id', id) });
  if (!campaign) throw notFound('Campaign', id);
  await authorise(ctx, 'manage', { organisationId: campaign.organisationId, tenantId: campaign.tenantId });
  return campaign;
}

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => [Campaign], { description: `Campaigns of surveys owned by this organisation or below it, newest first: the latest ${LIST_SIZES['Query.campaigns']}. ${atMost('Query.campaigns')}` })
  async campaigns(@Arg('organisationId', () => ID, { description: 'The organisation.' }) organisationId: string, @Ctx() ctx: HarbourContext): Promise<Campaign[]> {
    await authorise(ctx, 'read_reports', { organisationId: parseId('organisationId', organisationId) });
    return ctx.db
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where('EXISTS (SELECT 1 FROM directory.organisation_ancestry a WHERE a.ancestor_id = :org AND a.descendant_id = c.organisation_id)', {
        org: organisationId,
      })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id')
      .limit(LIST_SIZES['Query.campaigns'])
      .getMany();
  }

  @Mutation(() => Campaign, { description: 'Makes a DRAFT campaign for a published survey version (trust admins).' })
  async createCampaign(@Arg('input', () => CreateCampaignInput, { description: 'The campaign.' }) input: CreateCampaignInput, @Ctx() ctx: HarbourContext): Promise<Campaign> {
    const caller = requireAccount(ctx, { session: true });
    requireScope(ctx, 'manage');
    const survey = await surveyLoader(ctx).load(parseId('surveyId', input.surveyId));
    if (!survey) throw notFound('Survey', input.surveyId);
    await authorise(ctx, 'manage', { organisationId: survey.organisationId, tenantId: survey.tenantId });
    const audienceId = parseId('audience.organisationId', input.audience.organisationId);
    await authorise(ctx, 'manage', { organisationId: audienceId });
    const placement = await placementLoader(ctx).load(audienceId);
    if (placement?.tenantId !== survey.tenantId) throw notFound('Organisation', audienceId);
    const campaign = await createCampaign(ctx.db, {
      ...input,
      anonymity: input.anonymity ?? AnonymityMode.PSEUDONYMOUS,
      organisationId: survey.organisationId,
      tenantId: survey.tenantId,
      accountId: caller.accountId,
    });
    await audit(ctx, { action: 'campaign.create', tenantId: campaign.tenantId, organisationId: campaign.organisationId, targetType: 'campaign', targetId: campaign.id });
    return campaign;
  }

  @Mutation(() => Campaign, { description: 'Schedules a DRAFT campaign: it opens as its schedule says.' })
  async scheduleCampaign(@Arg('id', () => ID, { description: 'The campaign.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Campaign> {
    requireAccount(ctx, { session: true });
    const moved = await moveCampaign(ctx.db, await managedCampaign(ctx, id), CampaignState.SCHEDULED);
    await audit(ctx, { action: 'campaign.schedule', tenantId: moved.tenantId, organisationId: moved.organisationId, targetType: 'campaign', targetId: moved.id });
    // One whose first day has come opens now; one whose last day has gone is refused (and stays a draft).
    const { opened, closed } = await advanceCampaigns(ctx.db, { campaignId: moved.id });
    if (closed.length) {
      throw new HarbourError(ErrorCode.BAD_USER_INPUT, 'Its last day has passed: give it days to come before scheduling it', { schedule: moved.schedule });
    }
    if (opened.length) moved.state = CampaignState.OPEN;
    return moved;
  }

  @Mutation(() => Campaign, { description: 'Closes a campaign: no more invitations or answers.' })
  async closeCampaign(@Arg('id', () => ID, { description: 'The campaign.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Campaign> {
    requireAccount(ctx, { session: true });
    const moved = await moveCampaign(ctx.db, await managedCampaign(ctx, id), CampaignState.CLOSED);
    await audit(ctx, { action: 'campaign.close', tenantId: moved.tenantId, organisationId: moved.organisationId, targetType: 'campaign', targetId: moved.id });
    return moved;
  }

  @FieldResolver(() => Int, { description: 'How many staff are in its audience now (trust admins).' })
  async audiencePreview(@Root() campaign: Campaign, @Ctx() ctx: HarbourContext): Promise<number> {
    await authorise(ctx, 'manage', { organisationId: campaign.organisationId, tenantId: campaign.tenantId });
    return audienceSize(ctx.db, campaign.tenantId, campaign.audience);
  }

  @FieldResolver(() => Survey, { description: 'The survey it sends.' })
  async survey(@Root() campaign: Campaign, @Ctx() ctx: HarbourContext): Promise<Survey> {
    return (await surveyLoader(ctx).load(campaign.surveyId))!;
  }
}
