import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { authorise, notFound, placementLoader, type HarbourContext } from '@harbour/graphql-kit';
import { ReportingPolicy } from '../reporting-policy/reporting-policy.entity';
import { policiesFor } from '../reporting-policy/reporting-policy.service';
import { OrganisationRef } from './organisation.ref';

@Resolver(() => OrganisationRef)
export class OrganisationPolicyResolver {
  @FieldResolver(() => ReportingPolicy, {
    description: 'The anonymity thresholds for reports on this organisation\'s tenant (platform defaults when it has set none).',
  })
  async reportingPolicy(@Root() organisation: OrganisationRef, @Ctx() ctx: HarbourContext): Promise<ReportingPolicy> {
    await authorise(ctx, 'read_reports', { organisationId: organisation.id });
    const placement = await placementLoader(ctx).load(organisation.id);
    if (!placement) throw notFound('Organisation', organisation.id);
    return ctx.loaders.get<string, ReportingPolicy>('tenant.policy', (ids) => policiesFor(ctx.db, ids)).load(placement.tenantId);
  }
}
