import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { atMost, audit, authorise, LIST_SIZES, MAX_OWN_CATALOGUE_ENTRIES, type HarbourContext } from '@harbour/graphql-kit';
import { addCatalogueEntry, catalogueOrder } from '../catalogue.service';
import { CatalogueEntryInput } from '../catalogue.inputs';
import { managedOrganisation } from '../organisation/organisation.access';
import { Setting } from './setting.entity';

@Resolver(() => Setting)
export class SettingResolver {
  @Query(() => [Setting], { description: `Every setting: the national catalogue first, then your tenants' own (each trust has at most ${MAX_OWN_CATALOGUE_ENTRIES}). ${atMost('Query.settings')}` })
  settings(@Ctx() ctx: HarbourContext): Promise<Setting[]> {
    return ctx.db.getRepository(Setting).createQueryBuilder('s').orderBy(catalogueOrder('s')).limit(LIST_SIZES['Query.settings']).getMany();
  }

  @Mutation(() => Setting, { description: 'Adds a setting of the tenant\'s own (trust admins).' })
  async createSetting(@Arg('input', () => CatalogueEntryInput, { description: 'The new setting.' }) input: CatalogueEntryInput, @Ctx() ctx: HarbourContext): Promise<Setting> {
    const organisation = await managedOrganisation(ctx, 'organisationId', input.organisationId);
    await authorise(ctx, 'manage', { organisationId: organisation.tenantId, tenantId: organisation.tenantId });
    const id = await addCatalogueEntry(ctx.db, 'directory.setting', { tenantId: organisation.tenantId, code: input.code, name: input.name });
    await audit(ctx, { action: 'setting.create', tenantId: organisation.tenantId, targetType: 'setting', targetId: id, details: { code: input.code, name: input.name } });
    return (await ctx.db.getRepository(Setting).findOneBy({ id }))!;
  }

  @FieldResolver(() => Boolean, { description: 'True for settings in the national catalogue.' })
  national(@Root() setting: Setting): boolean {
    return setting.tenantId === null;
  }
}
