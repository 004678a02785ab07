import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ResponseStatus } from './response-status';

@Entity({ schema: 'responses', name: 'response' })
@ObjectType({
  description:
    'One person\'s response to a survey. Neither answers nor the respondent\'s details (role, organisation) are exposed per response: reports give them only for groups large enough.',
})
@Directive('@key(fields: "id")')
export class Response {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId!: string;

  @Column('uuid', { name: 'role_id' })
  roleId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  @Field(() => ResponseStatus, { description: 'Whether the response was submitted.' })
  status!: ResponseStatus;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;
}
