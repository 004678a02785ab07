import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { atMost, audit, authorise, MAX_OWN_CATALOGUE_ENTRIES, type HarbourContext } from '@harbour/graphql-kit';
import { addCatalogueEntry } from '../catalogue.service';
import { CatalogueEntryInput } from '../catalogue.inputs';
import { managedOrganisation } from '../organisation/organisation.access';
import { Role } from './role.entity';
import { listRoles } from './role.service';

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => [Role], { description: `Every role: the national catalogue first, then your tenants' own (each trust has at most ${MAX_OWN_CATALOGUE_ENTRIES}). ${atMost('Query.roles')}` })
  roles(@Ctx() ctx: HarbourContext): Promise<Role[]> {
    return listRoles(ctx.db);
  }

  @Mutation(() => Role, { description: 'Adds a role of the tenant\'s own (trust admins).' })
  async createRole(@Arg('input', () => CatalogueEntryInput, { description: 'The new role.' }) input: CatalogueEntryInput, @Ctx() ctx: HarbourContext): Promise<Role> {
    const organisation = await managedOrganisation(ctx, 'organisationId', input.organisationId);
    await authorise(ctx, 'manage', { organisationId: organisation.tenantId, tenantId: organisation.tenantId });
    const id = await addCatalogueEntry(ctx.db, 'directory.role', { tenantId: organisation.tenantId, code: input.code, name: input.name });
    await audit(ctx, { action: 'role.create', tenantId: organisation.tenantId, targetType: 'role', targetId: id, details: { code: input.code, name: input.name } });
    return (await ctx.db.getRepository(Role).findOneBy({ id }))!;
  }

  @FieldResolver(() => Boolean, { description: 'True for roles in the national catalogue.' })
  national(@Root() role: Role): boolean {
    return role.tenantId === null;
  }
}
