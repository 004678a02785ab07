import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { atMost, audit, MAX_ORGANISATION_DEPTH, ErrorCode, HarbourError, requirePlatformAdmin, connectionOf, notFound, parseId, PageArgs, requireScope, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { Organisation } from './organisation.entity';
import { OrganisationKind } from './organisation-kind';
import { managedOrganisation, readableOrganisation } from './organisation.access';
import { childrenLoader } from './organisation.loaders';
import { CreateOrganisationInput, CreateTenantInput, UpdateOrganisationInput } from './organisation.inputs';
import { ancestorsOf, createOrganisation, descendantsOf, listOrganisations, updateOrganisation } from './organisation.service';

export const OrganisationConnection = connectionOf(Organisation, 'Organisation');

@ArgsType()
class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Only top-level organisations (tenants).' })
  tenantsOnly: boolean = false;
}

@ArgsType()
class DescendantsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;
}

function audited(ctx: HarbourContext, action: string, organisation: Organisation, details: Record<string, unknown>): Promise<void> {
  return audit(ctx, { action, tenantId: organisation.tenantId, organisationId: organisation.id, targetType: 'organisation', targetId: organisation.id, details });
}

const TENANT_KINDS: readonly OrganisationKind[] = [OrganisationKind.TRUST, OrganisationKind.PRIMARY_CARE_NETWORK, OrganisationKind.INTEGRATED_CARE_BOARD];

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

  @FieldResolver(() => OrganisationConnection, { description: 'Everything below this organisation, at any depth, by name, a page at a time.' })
  descendants(@Root() organisation: Organisation, @Args(() => DescendantsArgs) args: DescendantsArgs, @Ctx() ctx: HarbourContext): Promise<Page<Organisation>> {
    const page = { first: args.first, after: args.after, kind: args.kind };
    return ctx.loaders.perPage<Page<Organisation>>(`organisation.descendants:${args.kind ?? ''}`, page, (ids) => descendantsOf(ctx.db, ids, page)).load(organisation.id);
  }

  @FieldResolver(() => [Organisation], { description: `The organisations above this one that the caller may see, nearest first. A tree has at most ${MAX_ORGANISATION_DEPTH} levels. ${atMost('Organisation.ancestors')}` })
  async ancestors(@Root() organisation: Organisation, @Ctx() ctx: HarbourContext): Promise<Organisation[]> {
    const all = await ancestorsOf(ctx.db, organisation.id);
    const visible = await Promise.all(all.map((o) => readableOrganisation(ctx, o.id).then(() => true, () => false)));
    return all.filter((_, index) => visible[index]);
  }

  @Mutation(() => Organisation, { description: 'Adds an organisation inside one you manage.' })
  async createOrganisation(@Arg('input', () => CreateOrganisationInput, { description: 'The new organisation.' }) input: CreateOrganisationInput, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    const parent = await managedOrganisation(ctx, 'parentId', input.parentId);
    const created = await createOrganisation(ctx.db, { parent, kind: input.kind, name: input.name, odsCode: input.odsCode });
    await audited(ctx, 'organisation.create', created, { kind: created.kind, name: created.name, parentId: parent.id });
    return created;
  }

  @Mutation(() => Organisation, { description: 'Adds a tenant: a trust, PCN or ICB with nothing above it (platform admins).' })
  async createTenant(@Arg('input', () => CreateTenantInput, { description: 'The new tenant.' }) input: CreateTenantInput, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    requirePlatformAdmin(ctx);
    if (!TENANT_KINDS.includes(input.kind)) {
      throw new HarbourError(ErrorCode.BAD_USER_INPUT, 'A tenant is a trust, a primary care network or an integrated care board', { field: 'kind' });
    }
    const created = await createOrganisation(ctx.db, { parent: null, kind: input.kind, name: input.name, odsCode: input.odsCode });
    await audited(ctx, 'organisation.create', created, { kind: created.kind, name: created.name });
    return created;
  }

  @Mutation(() => Organisation, { description: 'Renames, recodes or moves an organisation you manage (a move needs a grant on the new parent too); sets a trust\'s contact, privacy notice and logo.' })
  async updateOrganisation(@Arg('input', () => UpdateOrganisationInput, { description: 'What changes.' }) input: UpdateOrganisationInput, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    const organisation = await managedOrganisation(ctx, 'id', input.id);
    if (input.parentId) {
      if (!organisation.parentId) throw new HarbourError(ErrorCode.BAD_USER_INPUT, 'A tenant cannot move', { field: 'parentId' });
      await managedOrganisation(ctx, 'parentId', input.parentId);
    }
    const updated = await updateOrganisation(ctx.db, organisation, {
      name: input.name,
      odsCode: input.odsCode === '' ? null : input.odsCode,
      parentId: input.parentId,
      contactEmail: input.contactEmail,
      privacyNoticeUrl: input.privacyNoticeUrl,
      logo: input.logo,
    });
    // The logo by whether there is one and its size, not its 20 kB of image.
    const logoOf = (o: Organisation) => (o.logo ? `${o.logo.length} characters` : null);
    await audited(ctx, 'organisation.update', updated, {
      before: { name: organisation.name, odsCode: organisation.odsCode, parentId: organisation.parentId, contactEmail: organisation.contactEmail, privacyNoticeUrl: organisation.privacyNoticeUrl, logo: logoOf(organisation) },
      after: { name: updated.name, odsCode: updated.odsCode, parentId: updated.parentId, contactEmail: updated.contactEmail, privacyNoticeUrl: updated.privacyNoticeUrl, logo: logoOf(updated) },
    });
    return updated;
  }

  @FieldResolver(() => Organisation, { description: 'The top-level organisation (tenant) this one belongs to.' })
  async tenant(@Root() organisation: Organisation, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    if (organisation.tenantId === organisation.id) return organisation;
    return (await readableOrganisation(ctx, organisation.tenantId))!;
  }
}
