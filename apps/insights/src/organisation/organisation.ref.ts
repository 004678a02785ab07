import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's Organisation, as far as insights knows it: its id. No description here: the owner's is the one clients see. */
@ObjectType('Organisation')
@Directive('@key(fields: "id")')
export class OrganisationRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
