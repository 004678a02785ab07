import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver, FieldResolver, Root } from 'type-graphql';
import { atMost, LIST_SIZES, type HarbourContext } from '@harbour/graphql-kit';
import { openEvaluation } from './open-evaluation';
import { Breakdown, CommentSet, ReleasedLinks, ReportDimension, ReportFigures, Retention, RoleEvaluationFilter, TenurePoint, TrendInterval, TrendPoint } from './report.types';
import { benchmarkFor, breakdownOf, commentsOf, releasedLinksOf, figuresFor, invitationFigures, peersFor, retentionOf, tenureCurveOf, trendOf, type Evaluation } from './role-evaluation.service';

@ObjectType('RoleEvaluation', {
  description:
    'How staff in new roles are doing, for one filter. Every figure is a sum over groups of at least minimumGroupSize respondents, fixed by the data alone, so no combination of figures (this report\'s or any other\'s) can single out a smaller group. Groups that cannot be shown say so, with the reason.',
})
export class RoleEvaluation {
  /** The checked filter and thresholds the field resolvers answer from. */
  evaluation!: Evaluation;

  @Field(() => Int, { description: 'The smallest group any figure here describes: the strictest of the trusts\' and campaigns\' minimums.' })
  minimumGroupSize!: number;

  @Field(() => Int, { nullable: true, description: 'People invited (by the month their campaign opened to them); null when too few to show.' })
  invited!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Responses (by the month answered): the same count as figures.responded, so that no two counts of those who answered can be subtracted. Null when withheld.',
  })
  completed!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'completed / invited; null when either is withheld, or when more answered in the period than were invited in it (a campaign that opened before it).',
  })
  responseRate!: number | null;

  @Field(() => ReportFigures, { description: 'The figures for the whole filter.' })
  figures!: ReportFigures;
}

@Resolver(() => RoleEvaluation)
export class RoleEvaluationResolver {
  @Query(() => RoleEvaluation, {
    description: 'A role evaluation: response rates, constructs, the belonging map, isolation, checklists and drivers for a filter, with breakdowns, trends, tenure curve, comments and retention (evaluators and trust admins).',
  })
  async roleEvaluation(@Arg('filter', () => RoleEvaluationFilter) filter: RoleEvaluationFilter, @Ctx() ctx: HarbourContext): Promise<RoleEvaluation> {
    const evaluation = await openEvaluation(ctx, filter);
    // One connection: one statement at a time.
    const figures = await figuresFor(ctx.db, evaluation);
    const invitations = await invitationFigures(ctx.db, evaluation, figures);
    return Object.assign(new RoleEvaluation(), { evaluation, minimumGroupSize: evaluation.minimumGroupSize, figures, ...invitations });
  }

  @FieldResolver(() => [ReleasedLinks], { description: `The campaigns of this report's surveys whose personal links were released for hand delivery, oldest first (the latest ${LIST_SIZES['RoleEvaluation.releasedLinks']}); empty when none were. ${atMost('RoleEvaluation.releasedLinks')}` })
  releasedLinks(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<ReleasedLinks[]> {
    return releasedLinksOf(ctx.db, report.evaluation);
  }

  @FieldResolver(() => Breakdown, { description: 'The report split by one dimension: role, setting, organisation (the level below the filter\'s), cohort or tenure band.' })
  async breakdown(@Root() report: RoleEvaluation, @Arg('by', () => ReportDimension) by: ReportDimension, @Ctx() ctx: HarbourContext): Promise<Breakdown> {
    return { dimension: by, ...(await breakdownOf(ctx.db, report.evaluation, by)) };
  }

  @FieldResolver(() => ReportFigures, {
    nullable: true,
    description: 'The same figures for every other role in the filter\'s organisations, settings and months: the peer comparison. Null when the filter names no roles.',
  })
  async peerRoles(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<ReportFigures | null> {
    return peersFor(ctx.db, report.evaluation);
  }

  @FieldResolver(() => ReportFigures, {
    nullable: true,
    description:
      'The same figures across every tenant, for the filter\'s roles, settings, tenure bands and months (organisations and cohorts are a trust\'s own): each figure rests on at least three trusts, and never shows one. Null when the surveys come from no library instrument.',
  })
  benchmark(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<ReportFigures | null> {
    return benchmarkFor(ctx.db, report.evaluation);
  }

  @FieldResolver(() => [TrendPoint], {
    description:
      `The figures by month or quarter answered, from the first period to the last: at most ten years (120 months or 40 quarters). A filter whose from and to span more is refused (BAD_USER_INPUT); without them, the last ten years the data has. ${atMost('RoleEvaluation.trend')}`,
  })
  trend(@Root() report: RoleEvaluation, @Arg('interval', () => TrendInterval, { defaultValue: TrendInterval.QUARTER }) interval: TrendInterval, @Ctx() ctx: HarbourContext): Promise<TrendPoint[]> {
    return trendOf(ctx.db, report.evaluation, interval);
  }

  @FieldResolver(() => [TenurePoint], { description: `The tenure curve: the figures by months in post when answering. ${atMost('RoleEvaluation.tenureCurve')}` })
  tenureCurve(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<TenurePoint[]> {
    return tenureCurveOf(ctx.db, report.evaluation);
  }

  @FieldResolver(() => CommentSet, { description: 'Free-text answers, when the group reaches the comments minimum (anonymous campaigns\' never).' })
  comments(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<CommentSet> {
    return commentsOf(ctx.db, report.evaluation, report.figures.responded);
  }

  @FieldResolver(() => Retention, { description: 'Who left within 6 and 12 months of answering, by belonging band: pseudonymous campaigns, from employment records.' })
  async retention(@Root() report: RoleEvaluation, @Ctx() ctx: HarbourContext): Promise<Retention> {
    return { bands: await retentionOf(ctx.db, report.evaluation) };
  }
}
