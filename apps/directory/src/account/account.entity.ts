import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'directory', name: 'account' })
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Someone who signs in to Harbour: an admin or an evaluator. Respondents need no account.' })
export class Account {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('text')
  @Field(() => String, { description: 'Email address, used to sign in; lower case.' })
  email!: string;

  @Column('text', { name: 'display_name' })
  @Field(() => String, { description: 'Name shown to colleagues.' })
  displayName!: string;

  @Column('boolean', { name: 'platform_admin' })
  @Field(() => Boolean, { description: 'Platform admins may do anything in every tenant.' })
  platformAdmin!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  @Field(() => Date, { description: 'When the account was made.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;
}
