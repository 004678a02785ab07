import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RoleFamily } from './role-family';

@Entity({ schema: 'directory', name: 'role' })
@ObjectType({ description: 'A job role, such as peer support worker: from the national catalogue or a tenant\'s own.' })
@Directive('@key(fields: "id")')
export class Role {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id', nullable: true })
  tenantId!: string | null;

  @Column('text')
  @Field(() => String, { description: 'Stable code, e.g. `peer_support_worker`.' })
  code!: string;

  @Column('text')
  @Field(() => String, { description: 'Name as staff know it.' })
  name!: string;

  @Column('text')
  @Field(() => RoleFamily, { description: 'Where the role comes from: a national scheme, or the tenant itself.' })
  family!: RoleFamily;
}
