import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's Role, as far as insights knows it: its id. No description here: the owner's is the one clients see. */
@ObjectType('Role')
@Directive('@key(fields: "id")')
export class RoleRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
