import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScoringSpec } from '@harbour/survey-kit';
import { SurveyStatus } from './survey-status';

@Entity({ schema: 'forms', name: 'survey' })
@ObjectType({ description: 'A survey form an organisation sends to staff in new roles.' })
@Directive('@key(fields: "id")')
export class Survey {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  @Field(() => String, { description: 'Title shown to respondents and admins.' })
  title!: string;

  @Column('text')
  @Field(() => SurveyStatus, { description: 'Where the survey is in its life.' })
  status!: SurveyStatus;

  @Column('text', { name: 'instrument_code', nullable: true })
  instrumentCode!: string | null;

  @Column('integer', { name: 'instrument_version', nullable: true })
  instrumentVersion!: number | null;

  @Column('jsonb')
  draft!: Record<string, unknown>;

  @Column('jsonb', { name: 'draft_scoring' })
  draftScoring!: ScoringSpec;
}
