import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, notFound, parseId, PageArgs, requireScope, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation-kind';
import { readableOrganisation } from './organisation.access';
import { childrenLoader } from './organisation.loaders';
import { listOrganisations } from './organisation.service';

export const OrganisationConnection = connectionOf(Organisation, 'Organisation');

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Only top-level organisations (tenants).' })
  tenantsOnly: boolean = false;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Organisations the caller\'s grants cover, by name, a page at a time.' })
  organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: HarbourContext): Promise<Page<Organisation>> {
    const scope = requireScope(ctx, 'read_directory');
    return listOrganisations(ctx.db, { first: args.first, after: args.after, kind: args.kind, topLevelOnly: args.tenantsOnly, scope });
  }

  @Query(() => Organisation, { description: 'One organisation by id; NOT_FOUND when there is none (or it is in a tenant the caller has no grant in).' })
  organisation(@Arg('id', () => ID, { description: 'The organisation\'s id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    return readableOrganisation(ctx, parseId('id', id)).then((found) => found ?? Promise.reject(notFound('Organisation', id)));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation this one sits within; null for a tenant.' })
  parent(@Root() organisation: Organisation, @Ctx() ctx: HarbourContext): Promise<Organisation | null> | null {
    return organisation.parentId ? readableOrganisation(ctx, organisation.parentId) : null;
  }

  @FieldResolver(() => OrganisationConnection, { description: 'Organisations directly within this one, by name, a page at a time.' })
  children(@Root() organisation: Organisation, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: HarbourContext): Promise<Page<Organisation>> {
    return childrenLoader(ctx, page).load(organisation.id);
  }

  @FieldResolver(() => Organisation, { description: 'The top-level organisation (tenant) this one belongs to.' })
  async tenant(@Root() organisation: Organisation, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    if (organisation.tenantId === organisation.id) return organisation;
    return (await readableOrganisation(ctx, organisation.tenantId))!;
  }
}
