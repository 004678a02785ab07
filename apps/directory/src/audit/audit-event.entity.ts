import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/** One entry of the audit trail; the row shape of every subgraph's `audit_event`. */
@ObjectType({ description: 'Something someone did: a change, a sign-in, or a read of row-level data. Kept for good.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'What was done, as `<thing>.<verb>`: `grant.create`, `organisation.update`, `responses.read`, `session.refused`, ...' })
  action!: string;

  @Field(() => String, { description: 'The part of Harbour that recorded it: directory, forms, responses or insights.' })
  service!: string;

  @Field(() => String, { description: 'What kind of record it concerns: organisation, grant, account, response, ...' })
  targetType!: string;

  @Field(() => String, { nullable: true, description: 'The id of that record.' })
  targetId!: string | null;

  @Field(() => String, { nullable: true, description: 'How the actor signed in: session, api_token or anonymous.' })
  credential!: string | null;

  @Field(() => String, { nullable: true, description: 'The client\'s address and user agent, as the gateway saw them.' })
  client!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'What changed (never a password, token or answer).' })
  details!: Record<string, unknown>;

  tenantId!: string | null;
  organisationId!: string | null;
  actorId!: string | null;
}
