import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { RoleSummary } from './role-summary';
import { roleSummaries } from './role-summary.service';
import { RoleRef } from './role.ref';

@Resolver(() => RoleRef)
export class RoleSummaryResolver {
  @FieldResolver(() => RoleSummary, { description: 'How many people in this role have answered in the organisations the caller may report on, counted as reports count them (whole groups of at least the minimum); withheld where there is no such group.' })
  summary(@Root() role: RoleRef, @Ctx() ctx: HarbourContext): Promise<RoleSummary> {
    const scope = requireScope(ctx, 'read_reports');
    return ctx.loaders.get<string, RoleSummary>('role.summary', (ids) => roleSummaries(ctx.db, ids, scope)).load(role.id);
  }
}
