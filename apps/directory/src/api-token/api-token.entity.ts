import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'directory', name: 'api_token' })
@ObjectType({ description: 'A personal token for scripts (R, Python, curl) that read reports. The token itself is shown once, when made.' })
export class ApiToken {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @Column('text')
  @Field(() => String, { description: 'What its owner called it.' })
  name!: string;

  @Column('text')
  @Field(() => String, { description: 'The token\'s first characters, to tell tokens apart.' })
  prefix!: string;

  @Column('text')
  @Field(() => String, { description: 'What it may do: `read_reports`.' })
  scope!: string;

  @Column('timestamptz', { name: 'created_at' })
  @Field(() => Date, { description: 'When it was made.' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it stops working; null for never.' })
  expiresAt!: Date | null;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last used (to the minute).' })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;
}
