import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LeaveReasonValue } from './staff-enums';

@Entity({ schema: 'directory', name: 'staff' })
@ObjectType({
  description: 'A member of staff in a new role, known by an external reference (pseudonymous): name and email are kept apart and optional.',
})
export class Staff {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('text', { name: 'external_ref' })
  @Field(() => String, { description: 'The tenant\'s own reference, e.g. an ESR assignment number; unique within the tenant.' })
  externalRef!: string;

  @Column('uuid', { name: 'role_id' })
  roleId!: string;

  @Column('uuid', { name: 'employing_organisation_id' })
  employingOrganisationId!: string;

  @Column('uuid', { name: 'setting_id', nullable: true })
  settingId!: string | null;

  @Column('date', { name: 'started_on' })
  @Field(() => String, { description: 'When they started in the role (YYYY-MM-DD).' })
  startedOn!: string;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'Training cohort, e.g. "2026 spring".' })
  cohort!: string | null;

  @Column('text', { name: 'pay_band', nullable: true })
  @Field(() => String, { nullable: true, description: 'Agenda for Change band: 1 to 9, 8a to 8d.' })
  payBand!: string | null;

  @Column('text', { name: 'line_manager_ref', nullable: true })
  @Field(() => String, { nullable: true, description: 'The line manager\'s reference.' })
  lineManagerRef!: string | null;

  @Column('text', { name: 'clinical_supervisor_ref', nullable: true })
  @Field(() => String, { nullable: true, description: 'The clinical supervisor\'s reference.' })
  clinicalSupervisorRef!: string | null;

  @Column('date', { name: 'left_on', nullable: true })
  @Field(() => String, { nullable: true, description: 'When they left (YYYY-MM-DD); null while in post.' })
  leftOn!: string | null;

  @Column('text', { name: 'leave_reason', nullable: true })
  @Field(() => LeaveReasonValue, { nullable: true, description: 'Why they left.' })
  leaveReason!: LeaveReasonValue | null;
}

@ObjectType({ description: 'How to reach someone: kept apart from everything else, and only when the tenant chose to keep it.' })
export class StaffContact {
  @Field(() => String, { nullable: true, description: 'Their name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Their email address.' })
  email!: string | null;
}
