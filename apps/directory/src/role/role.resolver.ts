import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HarbourContext } from '@harbour/graphql-kit';
import { Role } from './role.entity';
import { listRoles } from './role.service';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { description: 'Every role: the national catalogue first, then tenants\' own.' })
  roles(@Ctx() ctx: HarbourContext): Promise<Role[]> {
    return listRoles(ctx.db);
  }

  @FieldResolver(() => Boolean, { description: 'True for roles in the national catalogue.' })
  national(@Root() role: Role): boolean {
    return role.tenantId === null;
  }
}
