import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's Account, as far as forms knows it: its id. The directory resolves the rest, and decides who may see it. */
@ObjectType('Account')
@Directive('@key(fields: "id", resolvable: false)')
export class AccountRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
