import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The directory's Organisation, as far as responses knows it: its id. */
@ObjectType('Organisation')
@Directive('@key(fields: "id")')
export class OrganisationRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
