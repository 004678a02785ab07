import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The forms subgraph's Survey, as far as responses knows it: its id. No description here: the owner's is the one clients see. */
@ObjectType('Survey')
@Directive('@key(fields: "id")')
export class SurveyRef {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;
}
