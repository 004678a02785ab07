import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { atMost, LIST_SIZES } from '@harbour/graphql-kit';

export enum TenureBand {
  MONTHS_0_3 = '0-3',
  MONTHS_3_6 = '3-6',
  MONTHS_6_12 = '6-12',
  MONTHS_12_24 = '12-24',
  MONTHS_24_PLUS = '24+',
}
registerEnumType(TenureBand, {
  name: 'TenureBand',
  description: 'Months in post when answering: 0 to under 3, 3 to under 6, 6 to under 12, 12 to under 24, 24 or more.',
});

export enum ReportDimension {
  ROLE = 'role',
  SETTING = 'setting',
  ORGANISATION = 'organisation',
  COHORT = 'cohort',
  TENURE_BAND = 'tenure_band',
}
registerEnumType(ReportDimension, {
  name: 'ReportDimension',
  description: 'What a breakdown groups by. ORGANISATION: the organisations directly below the filter\'s organisation (or the trust).',
});

export enum TrendInterval {
  MONTH = 'month',
  QUARTER = 'quarter',
}
registerEnumType(TrendInterval, { name: 'TrendInterval', description: 'How a trend groups responses in time: by calendar month or quarter answered.' });

@InputType('RoleEvaluationFilter', {
  description: 'Who a role evaluation is about. Every list left out means "any"; an empty list is refused. Each filter you add narrows the groups that can be shown.',
})
export class RoleEvaluationFilter {
  @Field(() => String, { nullable: true, description: 'An instrument from the library, e.g. where_i_belong: every survey built from it. This or surveyIds is needed.' })
  instrument?: string;

  @Field(() => [ID], { nullable: true, description: 'Particular surveys (their responses, whichever version they answered).' })
  surveyIds?: string[];

  @Field(() => ID, { nullable: true, description: 'An organisation: it and everything below it. Default: everything you may report on.' })
  organisationId?: string;

  @Field(() => [ID], { nullable: true, description: 'Roles, as respondents held them when answering.' })
  roleIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Settings (inpatient, community, primary care, ...), as when answering.' })
  settingIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Cohorts (intakes), as the directory records them. "" means none recorded.' })
  cohorts?: string[];

  @Field(() => [TenureBand], { nullable: true, description: 'Months in post when answering.' })
  tenureBands?: TenureBand[];

  @Field(() => String, { nullable: true, description: 'First month answered, YYYY-MM, from 2000-01 to 2099-12.' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Last month answered, YYYY-MM, from 2000-01 to 2099-12.' })
  to?: string;
}

@ObjectType('Share', { description: 'A part of a group: count of n, and that as a share (0 to 1). Every figure carries the n it rests on.' })
export class ShareFigure {
  @Field(() => Int, { description: 'How many this share is out of.' })
  n!: number;

  @Field(() => Int, { description: 'How many of them.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count / n; null when n is 0.' })
  share!: number | null;
}

@ObjectType('ConstructResult', { description: 'A construct (belonging, peer support, ...) scored 0 to 10 for a group.' })
export class ConstructResult {
  @Field(() => String, { description: 'Stable construct code, the same across instruments, versions and trusts.' })
  code!: string;

  @Field(() => String, { description: 'What a person reads.' })
  name!: string;

  @Field(() => Boolean, { description: 'True when a higher score is better; false for constructs such as isolation.' })
  higherIsBetter!: boolean;

  @Field(() => Int, { description: 'Respondents scored on it.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Mean score on 0 to 10.' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower end of the 95% confidence interval of the mean (t distribution); null below n 2.' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95% confidence interval of the mean.' })
  high!: number | null;

  @Field(() => ShareFigure, { description: 'Scores on the good side of the construct\'s favourable point (for most, agreeing on average).' })
  favourable!: ShareFigure;

  @Field(() => [Int], { description: `Respondents whose score fell in each fifth of 0–10: [0, 2), [2, 4), [4, 6), [6, 8), [8, 10]. ${atMost('ConstructResult.distribution')}` })
  distribution!: number[];

  @Field(() => Float, { nullable: true, description: 'Cronbach\'s alpha (internal consistency) for constructs of several items; null for one item or too little variation.' })
  alpha!: number | null;

  @Field(() => Int, { description: 'Respondents who answered every item, on whom alpha rests.' })
  alphaN!: number;
}

@ObjectType('BelongingMap', { description: 'Where people feel they belong at work (the bel_where item).' })
export class BelongingMapFigure {
  @Field(() => Int, { description: 'Respondents who answered.' })
  n!: number;

  @Field(() => ShareFigure, { description: 'To the practice, ward or service where they work day to day.' })
  host!: ShareFigure;

  @Field(() => ShareFigure, { description: 'To their primary care network or service team.' })
  team!: ShareFigure;

  @Field(() => ShareFigure, { description: 'To both.' })
  both!: ShareFigure;

  @Field(() => ShareFigure, { description: 'Nowhere in particular.' })
  nowhere!: ShareFigure;
}

@ObjectType('ChecklistRate', { description: 'An onboarding or governance yes/no item: how many said yes.' })
export class ChecklistRate {
  @Field(() => String, { description: 'Stable item code.' })
  item!: string;

  @Field(() => String, { description: 'The question asked.' })
  question!: string;

  @Field(() => ShareFigure, { description: 'Who answered yes, of those who answered.' })
  yes!: ShareFigure;
}

@ObjectType('Driver', { description: 'How closely an item goes with an outcome across respondents (Pearson\'s r, with n): a lead to follow, not a cause.' })
export class Driver {
  @Field(() => String, { description: 'Stable item code.' })
  item!: string;

  @Field(() => String, { description: 'The question asked.' })
  question!: string;

  @Field(() => String, { description: 'The outcome construct: belonging or intention_to_stay.' })
  outcome!: string;

  @Field(() => Int, { description: 'Respondents who answered both.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'Pearson\'s r, −1 to 1; null when either side does not vary or n is under 3.' })
  correlation!: number | null;
}

@ObjectType('ReportFigures', {
  description:
    'What a report says about one group. When the group cannot be shown (fewer than the minimum, or only in groups that would let a smaller one be worked out), suppressed is true, reason says why, and no figure is given.',
})
export class ReportFigures {
  @Field(() => Boolean, { description: 'True when nothing about this group can be shown.' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is suppressed.' })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'Respondents these figures rest on; null when suppressed.' })
  responded!: number | null;

  @Field(() => [ConstructResult], { description: `Each construct scored, by name: the first ${LIST_SIZES['ReportFigures.constructs']} (a library instrument has at most 7). ${atMost('ReportFigures.constructs')}` })
  constructs!: ConstructResult[];

  @Field(() => BelongingMapFigure, { nullable: true, description: 'Where they feel they belong; null when the survey does not ask.' })
  belongingMap!: BelongingMapFigure | null;

  @Field(() => ShareFigure, { nullable: true, description: 'Isolation risk: belonging nowhere, and peer support not favourable.' })
  isolationRisk!: ShareFigure | null;

  @Field(() => ShareFigure, { nullable: true, description: 'Leaning towards leaving: intention to stay below 4 of 10.' })
  intentionToLeave!: ShareFigure | null;

  @Field(() => [ChecklistRate], { description: `Yes/no onboarding and governance items (scope of practice written down, supervisor named, induction done, ...), by item code: the first ${LIST_SIZES['ReportFigures.checklist']}. ${atMost('ReportFigures.checklist')}` })
  checklist!: ChecklistRate[];

  @Field(() => [Driver], { description: `Items by how closely they go with belonging and with intention to stay, strongest first: the ${LIST_SIZES['ReportFigures.drivers'] / 2} strongest for each. ${atMost('ReportFigures.drivers')}` })
  drivers!: Driver[];
}

@ObjectType('BreakdownRow', { description: 'One group of a breakdown.' })
export class BreakdownRow {
  @Field(() => String, { nullable: true, description: 'The group\'s value: an id, a cohort, or a tenure band.' })
  key!: string | null;

  @Field(() => String, { description: 'What a person reads.' })
  label!: string;

  @Field(() => ReportFigures, { description: 'Its figures, or why they are suppressed.' })
  figures!: ReportFigures;

  @Field(() => ReportFigures, {
    nullable: true,
    description: 'The same group across every tenant (role, setting and tenure band breakdowns of library instruments): shown only where at least three trusts contribute.',
  })
  benchmark!: ReportFigures | null;
}

@ObjectType('Breakdown', { description: 'The report split by one dimension. Rows that cannot be shown say so; what they hold is still in the total where that is safe.' })
export class Breakdown {
  @Field(() => ReportDimension, { description: 'What it groups by.' })
  dimension!: ReportDimension;

  @Field(() => [BreakdownRow], { description: `Every group the dimension has in the filter, shown or suppressed. A breakdown of more groups is refused (BAD_USER_INPUT): narrow the filter. ${atMost('Breakdown.rows')}` })
  rows!: BreakdownRow[];

  @Field(() => ReportFigures, {
    nullable: true,
    description: 'Responses in the total that belong to no single row: merged with others across this dimension to keep small groups safe. Null when there are none.',
  })
  unattributed!: ReportFigures | null;
}

@ObjectType('TrendPoint', { description: 'One month or quarter of a trend.' })
export class TrendPoint {
  @Field(() => String, { description: 'The period: YYYY-MM for a month, YYYY-Qn for a quarter.' })
  period!: string;

  @Field(() => ReportFigures, { description: 'Its figures, or why they are suppressed.' })
  figures!: ReportFigures;
}

@ObjectType('TenurePoint', { description: 'Scores by months in post: one tenure band.' })
export class TenurePoint {
  @Field(() => TenureBand, { description: 'The band.' })
  band!: TenureBand;

  @Field(() => Int, { description: 'Months in post at its start.' })
  fromMonths!: number;

  @Field(() => Int, { nullable: true, description: 'Months in post at its end (up to, not including); null for the last band.' })
  toMonths!: number | null;

  @Field(() => ReportFigures, { description: 'Its figures, or why they are suppressed.' })
  figures!: ReportFigures;
}

@ObjectType('Comment', { description: 'A free-text answer, with nothing about who wrote it or when.' })
export class CommentText {
  @Field(() => String, { description: 'The question\'s item code.' })
  item!: string;

  @Field(() => String, { description: 'The question asked.' })
  question!: string;

  @Field(() => String, { description: 'What they wrote.' })
  text!: string;
}

@ObjectType('Comments', {
  description:
    'Free-text answers, shown only when the group reaches the comments minimum, and only from disclosure groups that each hold that minimum themselves (so comparing two filters\' comments pins none to a smaller group); in no meaningful order.',
})
export class CommentSet {
  @Field(() => Boolean, { description: 'True when the comments are shown.' })
  shown!: boolean;

  @Field(() => String, { nullable: true, description: 'Why they are not.' })
  reason!: string | null;

  @Field(() => Int, { description: 'The fewest respondents a group needs before its comments are shown.' })
  minimum!: number;

  @Field(() => Int, { description: 'How many comments there are in all (0 when not shown).' })
  total!: number;

  @Field(() => [CommentText], { description: `The comments (none when not shown), in an order that tells nothing of who or when: the first ${LIST_SIZES['Comments.comments']} of them (total says how many). Anonymous campaigns' comments are never included. ${atMost('Comments.comments')}` })
  comments!: CommentText[];
}

@ObjectType('ReleasedLinks', {
  description: 'A campaign of the report whose personal links were released to its trust\'s admins for hand delivery: its answers since count in the figures, never towards a group\'s minimum.',
})
export class ReleasedLinks {
  @Field(() => ID, { description: 'The campaign.' })
  campaignId!: string;

  @Field(() => Date, { description: 'When its links were released.' })
  releasedAt!: Date;
}

@ObjectType('RetentionBand', { description: 'Who left, among respondents of one belonging band.' })
export class RetentionBand {
  @Field(() => String, { description: 'LOW (belonging under 5 of 10), MIDDLE (5 to under 7.5) or HIGH (7.5 and over).' })
  band!: string;

  @Field(() => Boolean, { description: 'True when the band is too small to show.' })
  suppressed!: boolean;

  @Field(() => ShareFigure, { nullable: true, description: 'Left within 6 months of answering, of those answered at least 6 months ago.' })
  leftWithin6Months!: ShareFigure | null;

  @Field(() => ShareFigure, { nullable: true, description: 'Left within 12 months of answering, of those answered at least 12 months ago.' })
  leftWithin12Months!: ShareFigure | null;
}

@ObjectType('Retention', { description: 'Leaving by belonging band, from employment records: pseudonymous campaigns only.' })
export class Retention {
  @Field(() => [RetentionBand], { description: `LOW, MIDDLE and HIGH belonging. ${atMost('Retention.bands')}` })
  bands!: RetentionBand[];
}
