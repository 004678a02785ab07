import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { atMost, audit, weighs, LIST_SIZES, authorise, groupByKey, notFound, parseId, placementLoader, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { INSTRUMENTS, type ScoringSpec } from '@harbour/survey-kit';
import { InstrumentType } from '../instrument/instrument.types';
import { SurveyVersion } from './survey-version.entity';
import { Survey } from './survey.entity';
import { createSurvey, diffVersions, instrumentOf, publish, saveDraft, versionsOf } from './survey-draft.service';
import { surveyLoader } from './survey.loaders';

@InputType({ description: 'A new draft survey: from an instrument (its questions stay as they are), from SurveyJS JSON, or blank.' })
export class CreateSurveyInput {
  @Field(() => ID, { description: 'The organisation that owns it.' })
  organisationId!: string;

  @Field(() => String, { description: 'Its title.' })
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Start from this instrument of the library.' })
  @IsOptional()
  instrumentCode?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Start from this SurveyJS JSON (written elsewhere).' })
  @IsOptional()
  json?: Record<string, unknown> | null;
}

@InputType({ description: 'A new draft for a survey; every problem is refused and the draft stays as it was.' })
export class SaveSurveyDraftInput {
  @Field(() => ID, { description: 'The survey.' })
  surveyId!: string;

  @Field(() => GraphQLJSONObject, { description: 'The whole form, as SurveyJS JSON.' })
  json!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The scoring spec; the current one when absent.' })
  @IsOptional()
  scoring?: ScoringSpec | null;
}

@ObjectType({ description: 'A question whose properties changed between two versions.' })
export class ChangedItemType {
  @Field(() => String, { description: 'Its name (item code).' })
  name!: string;

  @Field(() => [String], { description: `The properties that differ, e.g. title, choices, visibleIf. ${atMost('ChangedItemType.properties')}` })
  properties!: string[];
}

@ObjectType({ description: 'What changed between two versions of a survey, item by item.' })
export class SurveyDiff {
  @Field(() => [String], { description: `Questions in the later version only. ${atMost('SurveyDiff.added')}` })
  added!: string[];

  @Field(() => [String], { description: `Questions in the earlier version only. ${atMost('SurveyDiff.removed')}` })
  removed!: string[];

  @Field(() => [ChangedItemType], { description: `Questions in both, changed. ${atMost('SurveyDiff.changed')}` })
  changed!: ChangedItemType[];
}

const instrumentType = (i: (typeof INSTRUMENTS)[number]): InstrumentType => ({
  code: i.code,
  version: i.version,
  title: i.title,
  kind: i.kind,
  when: i.when,
  audience: i.audience,
  json: i.json as unknown as Record<string, unknown>,
  scoring: i.scoring as unknown as Record<string, unknown>,
});

/** The survey, for a change: NOT_FOUND when invisible, FORBIDDEN unless the caller manages its owner. */
async function managedSurvey(ctx: HarbourContext, id: string): Promise<Survey> {
  requireScope(ctx, 'manage');
  const survey = await surveyLoader(ctx).load(parseId('surveyId', id));
  if (!survey) throw notFound('Survey', id);
  await authorise(ctx, 'manage', { organisationId: survey.organisationId, tenantId: survey.tenantId });
  return survey;
}

@Resolver(() => Survey)
export class SurveyDraftResolver {
  @Query(() => [InstrumentType], { description: `The instrument library: the forms surveys start from. ${atMost('Query.instruments')}` })
  instruments(@Ctx() ctx: HarbourContext): InstrumentType[] {
    requireScope(ctx, 'read_reports');
    return INSTRUMENTS.map(instrumentType);
  }

  @Mutation(() => Survey, { description: 'Makes a draft survey (trust admins of the owning organisation).' })
  async createSurvey(@Arg('input', () => CreateSurveyInput, { description: 'Where it starts from.' }) input: CreateSurveyInput, @Ctx() ctx: HarbourContext): Promise<Survey> {
    const caller = requireAccount(ctx, { session: true });
    const organisationId = parseId('organisationId', input.organisationId);
    await authorise(ctx, 'manage', { organisationId });
    // A platform admin may name any organisation: one that is not there is NOT_FOUND.
    const placement = await placementLoader(ctx).load(organisationId);
    if (!placement) throw notFound('Organisation', organisationId);
    const survey = await createSurvey(ctx.db, { ...input, organisationId, tenantId: placement.tenantId, accountId: caller.accountId });
    await audit(ctx, { action: 'survey.create', tenantId: survey.tenantId, organisationId, targetType: 'survey', targetId: survey.id, details: { instrument: survey.instrumentCode } });
    return survey;
  }

  @Mutation(() => Survey, { description: 'Saves a new draft after checking it (BAD_USER_INPUT with `extensions.problems`, by JSON path, when it has problems).' })
  async saveSurveyDraft(@Arg('input', () => SaveSurveyDraftInput, { description: 'The new draft.' }) input: SaveSurveyDraftInput, @Ctx() ctx: HarbourContext): Promise<Survey> {
    const caller = requireAccount(ctx, { session: true });
    const survey = await managedSurvey(ctx, input.surveyId);
    const saved = await saveDraft(ctx.db, survey, { json: input.json, scoring: input.scoring, accountId: caller.accountId });
    await audit(ctx, { action: 'survey.save_draft', tenantId: survey.tenantId, organisationId: survey.organisationId, targetType: 'survey', targetId: survey.id });
    return saved;
  }

  @Mutation(() => SurveyVersion, { description: 'Publishes the draft as the next immutable version.' })
  async publishSurvey(@Arg('surveyId', () => ID, { description: 'The survey.' }) surveyId: string, @Ctx() ctx: HarbourContext): Promise<SurveyVersion> {
    const caller = requireAccount(ctx, { session: true });
    const survey = await managedSurvey(ctx, surveyId);
    const version = await publish(ctx.db, survey, caller.accountId);
    await audit(ctx, {
      action: 'survey.publish',
      tenantId: survey.tenantId,
      organisationId: survey.organisationId,
      targetType: 'survey',
      targetId: survey.id,
      details: { version: version.number, contentHash: version.contentHash },
    });
    return version;
  }

  @FieldResolver(() => InstrumentType, { nullable: true, description: 'The instrument it started from; its questions are core.' })
  instrument(@Root() survey: Survey): InstrumentType | null {
    const instrument = instrumentOf(survey);
    return instrument ? instrumentType(instrument) : null;
  }

  @FieldResolver(() => GraphQLJSONObject, { description: `The draft form, SurveyJS JSON (trust admins). ${weighs('Survey.draft')}` })
  async draft(@Root() survey: Survey, @Ctx() ctx: HarbourContext): Promise<Record<string, unknown>> {
    await authorise(ctx, 'manage', { organisationId: survey.organisationId, tenantId: survey.tenantId });
    return survey.draft;
  }

  @FieldResolver(() => GraphQLJSONObject, { description: `The draft's scoring spec (trust admins). ${weighs('Survey.draftScoring')}` })
  async draftScoring(@Root() survey: Survey, @Ctx() ctx: HarbourContext): Promise<Record<string, unknown>> {
    await authorise(ctx, 'manage', { organisationId: survey.organisationId, tenantId: survey.tenantId });
    return survey.draftScoring as unknown as Record<string, unknown>;
  }

  @FieldResolver(() => [SurveyVersion], { description: `Its published versions, oldest first: the latest ${LIST_SIZES['Survey.versions']}. ${atMost('Survey.versions')}` })
  versions(@Root() survey: Survey, @Ctx() ctx: HarbourContext): Promise<SurveyVersion[]> {
    return ctx.loaders
      .get<string, SurveyVersion[]>('survey.versions', async (ids) => groupByKey(ids, await versionsOf(ctx.db, ids), (v) => v.surveyId))
      .load(survey.id);
  }

  @FieldResolver(() => SurveyVersion, { nullable: true, description: 'One published version, by its number; null when there is none. To export one version\'s JSON without fetching every version\'s.' })
  version(@Root() survey: Survey, @Arg('number', () => Int, { description: 'The version\'s number.' }) number: number, @Ctx() ctx: HarbourContext): Promise<SurveyVersion | null> {
    return ctx.db.getRepository(SurveyVersion).findOneBy({ surveyId: survey.id, number });
  }

  @FieldResolver(() => SurveyDiff, { description: `What changed from one published version to another. ${weighs('Survey.diff')}` })
  async diff(
    @Root() survey: Survey,
    @Arg('from', () => Int, { description: 'The earlier version\'s number.' }) from: number,
    @Arg('to', () => Int, { description: 'The later version\'s number.' }) to: number,
    @Ctx() ctx: HarbourContext,
  ): Promise<SurveyDiff> {
    const diff = await diffVersions(ctx.db, survey.id, from, to);
    // A form has at most 500 questions (and its panels): these bounds cut only forms built to break them.
    return {
      added: diff.added.slice(0, LIST_SIZES['SurveyDiff.added']),
      removed: diff.removed.slice(0, LIST_SIZES['SurveyDiff.removed']),
      changed: diff.changed.slice(0, LIST_SIZES['SurveyDiff.changed']).map((c) => ({ ...c, properties: c.properties.slice(0, LIST_SIZES['ChangedItemType.properties']) })),
    };
  }
}
