import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GrantRoleValue } from './grant-role';

@Entity({ schema: 'directory', name: 'access_grant' })
@ObjectType({ description: 'A role an account holds on an organisation and everything below it.' })
export class Grant {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text')
  @Field(() => GrantRoleValue, { description: 'What the grant allows.' })
  role!: GrantRoleValue;

  @Column('uuid', { name: 'granted_by', nullable: true })
  grantedBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  @Field(() => Date, { description: 'When it was granted.' })
  createdAt!: Date;
}
