import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HarbourContext } from '@harbour/graphql-kit';
import { ReportingPolicy } from '../reporting-policy/reporting-policy.entity';
import { policiesFor } from '../reporting-policy/reporting-policy.service';
import { OrganisationRef } from './organisation.ref';

@Resolver(() => OrganisationRef)
export class OrganisationPolicyResolver {
  @FieldResolver(() => ReportingPolicy, {
    description: 'The anonymity thresholds for reports on this tenant (platform defaults when it has set none).',
  })
  reportingPolicy(@Root() organisation: OrganisationRef, @Ctx() ctx: HarbourContext): Promise<ReportingPolicy> {
    return ctx.loaders.get<string, ReportingPolicy>('organisation.policy', (ids) => policiesFor(ctx.db, ids)).load(organisation.id);
  }
}
