import { Field, ID, InputType } from 'type-graphql';
import { Length, Matches } from 'class-validator';

@InputType({ description: 'A tenant\'s own entry beside a national catalogue (a role or a setting).' })
export class CatalogueEntryInput {
  @Field(() => ID, { description: 'The tenant (or any organisation in it) the entry belongs to.' })
  organisationId!: string;

  @Field(() => String, { description: 'Stable code: lower case letters, digits and underscores, starting with a letter.' })
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'code must be 2 to 63 lower case letters, digits or underscores, starting with a letter' })
  code!: string;

  @Field(() => String, { description: 'Name as staff know it.' })
  @Length(1, 200)
  name!: string;
}
