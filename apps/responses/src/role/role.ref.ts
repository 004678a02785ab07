import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's Role, referenced by id only. */
@ObjectType('Role')
@Directive('@key(fields: "id", resolvable: false)')
export class RoleRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
