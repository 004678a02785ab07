import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AnonymityMode, CampaignAudience, CampaignSchedule, CampaignState } from './campaign-types';

@Entity({ schema: 'forms', name: 'campaign' })
@ObjectType({ description: 'Who is asked what, when: a published survey version, an audience, a schedule, an anonymity promise and reporting thresholds.' })
export class Campaign {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId!: string;

  @Column('integer', { name: 'version_number' })
  @Field(() => Int, { description: 'The survey version it sends.' })
  versionNumber!: number;

  @Column('text')
  @Field(() => String, { description: 'Its name, e.g. "Peer support workers, month 3".' })
  name!: string;

  @Column('jsonb')
  @Field(() => CampaignAudience, { description: 'Who it asks.' })
  audience!: CampaignAudience;

  @Column('jsonb')
  @Field(() => CampaignSchedule, { description: 'When it asks.' })
  schedule!: CampaignSchedule;

  @Column('text')
  @Field(() => AnonymityMode, { description: 'What it promises respondents.' })
  anonymity!: AnonymityMode;

  @Column('integer', { name: 'min_group_size' })
  @Field(() => Int, { description: 'Reports show no group smaller than this.' })
  minGroupSize!: number;

  @Column('integer', { name: 'min_comments' })
  @Field(() => Int, { description: 'Reports show free-text comments only from groups at least this large.' })
  minComments!: number;

  @Column('boolean', { name: 'prefer_not_to_say' })
  @Field(() => Boolean, { description: 'Whether respondents may answer "Prefer not to say" to any question; reports count it as no answer.' })
  preferNotToSay!: boolean;

  @Column('text')
  @Field(() => CampaignState, { description: 'Where it is in its life.' })
  state!: CampaignState;

  @Column('timestamptz', { name: 'created_at' })
  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;
}
