import { weighs } from '@harbour/graphql-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoringSpec } from '@harbour/survey-kit';

@Entity({ schema: 'forms', name: 'survey_version' })
@ObjectType({ description: 'A published version of a survey: immutable, numbered from 1. Answers point at the version they answered.' })
export class SurveyVersion {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId!: string;

  @Column('integer')
  @Field(() => Int, { description: 'Its number: 1 for the first published.' })
  number!: number;

  @Column('jsonb')
  @Field(() => GraphQLJSONObject, { description: `The form as published, SurveyJS JSON: export it to use it elsewhere. ${weighs('SurveyVersion.json')}` })
  json!: Record<string, unknown>;

  @Column('jsonb')
  @Field(() => GraphQLJSONObject, { description: `The scoring spec as published. ${weighs('SurveyVersion.scoring')}` })
  scoring!: ScoringSpec;

  @Column('text', { name: 'content_hash' })
  @Field(() => String, { description: 'SHA-256 of the form and scoring, canonically printed.' })
  contentHash!: string;

  @Column('timestamptz', { name: 'published_at' })
  @Field(() => Date, { description: 'When it was published.' })
  publishedAt!: Date;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy!: string | null;
}
