import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { audit, authorise, notFound, parseId, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { Account } from '../account/account.entity';
import { GrantAccessInput } from '../account/account.inputs';
import { accountLoader } from '../account/account.loaders';
import { managedOrganisation, readableOrganisation } from '../organisation/organisation.access';
import { Organisation } from '../organisation/organisation.entity';
import { Grant } from './grant.entity';
import { grantAccess, grantById, revokeGrant } from './grant.service';

@Resolver(() => Grant)
export class GrantResolver {
  @Mutation(() => Grant, { description: 'Gives an account a role on an organisation you manage (and everything below it). FORBIDDEN for your own account (reason SELF_GRANT), and for RESEARCHER unless you are a platform admin (reason RESEARCHER_BY_PLATFORM_ADMIN).' })
  async grantAccess(@Arg('input', () => GrantAccessInput, { description: 'Who, where and what.' }) input: GrantAccessInput, @Ctx() ctx: HarbourContext): Promise<Grant> {
    const caller = requireAccount(ctx, { session: true });
    const organisation = await managedOrganisation(ctx, 'organisationId', input.organisationId);
    const organisationId = organisation.id;
    const grant = await grantAccess(ctx.db, { email: input.email, organisationId, tenantId: organisation.tenantId, role: input.role, grantedBy: caller.accountId, granterIsPlatformAdmin: caller.platformAdmin });
    await audit(ctx, {
      action: 'grant.create',
      tenantId: grant.tenantId,
      organisationId,
      targetType: 'grant',
      targetId: grant.id,
      details: { accountId: grant.accountId, role: grant.role },
    });
    return grant;
  }

  @Mutation(() => Boolean, { description: 'Takes a grant away; the holder loses it on their next request.' })
  async revokeGrant(@Arg('id', () => ID, { description: 'The grant\'s id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<boolean> {
    requireAccount(ctx, { session: true });
    requireScope(ctx, 'manage');
    const grant = await grantById(ctx.db, parseId('id', id));
    if (!grant) throw notFound('Grant', id);
    await authorise(ctx, 'manage', { organisationId: grant.organisationId, tenantId: grant.tenantId });
    await revokeGrant(ctx.db, grant.id);
    await audit(ctx, {
      action: 'grant.revoke',
      tenantId: grant.tenantId,
      organisationId: grant.organisationId,
      targetType: 'grant',
      targetId: grant.id,
      details: { accountId: grant.accountId, role: grant.role },
    });
    return true;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation whose subtree the grant covers.' })
  organisation(@Root() grant: Grant, @Ctx() ctx: HarbourContext): Promise<Organisation | null> {
    return readableOrganisation(ctx, grant.organisationId);
  }

  @FieldResolver(() => Account, { description: 'Who holds the grant.' })
  async account(@Root() grant: Grant, @Ctx() ctx: HarbourContext): Promise<Account> {
    return (await accountLoader(ctx).load(grant.accountId))!;
  }
}
