import { Field, ID, ObjectType } from 'type-graphql';
import { EmploymentEventKind, LeaveReasonValue } from './staff-enums';

@ObjectType({ description: 'A start, change or leaving in someone\'s employment, as it was at the time. History is added to, never rewritten.' })
export class EmploymentEvent {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => EmploymentEventKind, { description: 'What happened.' })
  kind!: EmploymentEventKind;

  @Field(() => String, { description: 'When it happened (YYYY-MM-DD).' })
  occurredOn!: string;

  @Field(() => LeaveReasonValue, { nullable: true, description: 'Why they left, for a leaving.' })
  leaveReason!: LeaveReasonValue | null;

  @Field(() => Date, { description: 'When Harbour was told.' })
  recordedAt!: Date;

  staffId!: string;
  roleId!: string;
  employingOrganisationId!: string;
  hostOrganisationIds!: string[];
  settingId!: string | null;
}
