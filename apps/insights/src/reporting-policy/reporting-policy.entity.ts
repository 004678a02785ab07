import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Platform defaults, used for a tenant with no policy of its own. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const DEFAULT_MIN_COMMENTS = 10;

@Entity({ schema: 'insights', name: 'reporting_policy' })
@ObjectType({ description: 'How small a group a tenant\'s reports may show before figures are suppressed.' })
export class ReportingPolicy {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('integer', { name: 'min_group_size' })
  @Field(() => Int, { description: 'No figure is shown for a group of fewer respondents than this.' })
  minGroupSize!: number;

  @Column('integer', { name: 'min_comments' })
  @Field(() => Int, { description: 'Free-text comments are shown only for groups at least this large.' })
  minComments!: number;
}
