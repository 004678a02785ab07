import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many people in a role have answered, across every tenant, suppressed below the minimum group size.' })
export class RoleSummary {
  @Field(() => Int, { nullable: true, description: 'Completed responses from people in this role; null when suppressed.' })
  responseCount!: number | null;

  @Field(() => Boolean, { description: 'True when the group is too small to show: fewer than minimumGroupSize.' })
  suppressed!: boolean;

  @Field(() => Int, { description: 'The smallest group this figure may describe.' })
  minimumGroupSize!: number;
}
