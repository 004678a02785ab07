import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'directory', name: 'setting' })
@ObjectType({ description: 'A setting (service line) staff work in, such as inpatient or perinatal: from the national catalogue or a tenant\'s own.' })
export class Setting {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id', nullable: true })
  tenantId!: string | null;

  @Column('text')
  @Field(() => String, { description: 'Stable code, e.g. `early_intervention_in_psychosis`.' })
  code!: string;

  @Column('text')
  @Field(() => String, { description: 'Name as staff know it.' })
  name!: string;
}
