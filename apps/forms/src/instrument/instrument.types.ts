import { weighs } from '@harbour/graphql-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A form from Harbour\'s library, written for staff in new roles; surveys start from one. Its questions are core: they cannot change.' })
export class InstrumentType {
  @Field(() => String, { description: 'Stable code, e.g. `where_i_belong`.' })
  code!: string;

  @Field(() => Int, { description: 'Its version in the library.' })
  version!: number;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => String, { description: 'onboarding, belonging, pulse, leaving or team_readiness.' })
  kind!: string;

  @Field(() => String, { description: 'When it is meant to be sent.' })
  when!: string;

  @Field(() => String, { description: 'Who answers it.' })
  audience!: string;

  @Field(() => GraphQLJSONObject, { description: `The form, as SurveyJS JSON. ${weighs('InstrumentType.json')}` })
  json!: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: `How its items score constructs on 0–10. ${weighs('InstrumentType.scoring')}` })
  scoring!: Record<string, unknown>;
}
