import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  atMost,
  audit,
  connectionOf,
  ErrorCode,
  HarbourError,
  isAllowed,
  PageArgs,
  requireAccount,
  requireScope,
  type HarbourContext,
  type Page,
} from '@harbour/graphql-kit';
import { managedOrganisation } from '../organisation/organisation.access';
import { ApiToken } from '../api-token/api-token.entity';
import { MAX_API_TOKENS, tokensOfAccount } from '../api-token/api-token.service';
import { Grant } from '../grant/grant.entity';
import { Account } from './account.entity';
import { ChangePasswordInput, CreateAccountInput, SignInInput } from './account.inputs';
import { accountGrantsLoader, accountLoader } from './account.loaders';
import { accountsWithGrantsIn, changePassword, createAccount, signIn, signOut } from './account.service';

@ObjectType({ description: 'A new session.' })
export class SignInPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>` on every request until it expires or you sign out.' })
  token!: string;

  @Field(() => Date, { description: 'When the session ends by itself.' })
  expiresAt!: Date;

  @Field(() => Account, { description: 'Who signed in.' })
  account!: Account;
}

export const AccountConnection = connectionOf(Account, 'Account');

@ArgsType()
class AccountsArgs extends PageArgs {
  @Field(() => ID, { description: 'Accounts holding a grant on this organisation or anywhere below it.' })
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'Part of an email address or name.' })
  search?: string | null;
}

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => AccountConnection, { description: 'The people with access to an organisation you manage, by email, a page at a time.' })
  async accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() ctx: HarbourContext): Promise<Page<Account>> {
    const organisation = await managedOrganisation(ctx, 'organisationId', args.organisationId);
    return accountsWithGrantsIn(ctx.db, { organisationId: organisation.id, first: args.first, after: args.after, search: args.search });
  }

  @Query(() => Account, { nullable: true, description: 'The signed-in account; null for anonymous callers.' })
  me(@Ctx() ctx: HarbourContext): Promise<Account | null> | null {
    return ctx.caller.kind === 'account' ? accountLoader(ctx).load(ctx.caller.accountId) : null;
  }

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with email and password; UNAUTHENTICATED when they are not right (the same for an unknown email). After 5 failures in a row for one email from one client address, that pair waits 60 s (then has 5 tries more); after 100 failures from one address within an hour, it waits 15 minutes: TOO_MANY_REQUESTS with `extensions.retryAfter` seconds. A client that has not failed is never held back.',
  })
  async signIn(@Arg('input', () => SignInInput, { description: 'Email and password.' }) input: SignInInput, @Ctx() ctx: HarbourContext): Promise<SignInPayload> {
    const signedIn = await signIn(ctx.db, input.email, input.password, ctx.client, (accountId, why) =>
      // Kept although the request fails: refused sign-ins are what an admin looks for.
      audit(ctx, { action: 'session.refused', tenantId: null, targetType: 'account', targetId: accountId, actorId: accountId, details: { why } }, ctx.db.connection),
    );
    await audit(ctx, { action: 'session.start', tenantId: null, targetType: 'account', targetId: signedIn.account.id, actorId: signedIn.account.id });
    return signedIn;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session; its token stops working at once.' })
  async signOut(@Ctx() ctx: HarbourContext): Promise<boolean> {
    const caller = requireAccount(ctx, { session: true });
    await audit(ctx, { action: 'session.end', tenantId: null, targetType: 'account', targetId: caller.accountId });
    return signOut(ctx.db, caller.sessionId!);
  }

  @Mutation(() => Boolean, { description: 'Changes the signed-in account\'s password and ends its other sessions.' })
  async changePassword(@Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' }) input: ChangePasswordInput, @Ctx() ctx: HarbourContext): Promise<boolean> {
    const caller = requireAccount(ctx, { session: true });
    await changePassword(ctx.db, caller.accountId, caller.sessionId, input.currentPassword, input.newPassword, ctx.client);
    await audit(ctx, { action: 'account.change_password', tenantId: null, targetType: 'account', targetId: caller.accountId });
    return true;
  }

  @Mutation(() => Account, { description: 'Makes an account for a colleague (trust admins and platform admins); give it a grant next.' })
  async createAccount(@Arg('input', () => CreateAccountInput, { description: 'The new account.' }) input: CreateAccountInput, @Ctx() ctx: HarbourContext): Promise<Account> {
    requireAccount(ctx, { session: true });
    requireScope(ctx, 'manage');
    const account = await createAccount(ctx.db, input);
    await audit(ctx, { action: 'account.create', tenantId: null, targetType: 'account', targetId: account.id, details: { email: account.email } });
    return account;
  }

  @FieldResolver(() => [Grant], {
    description: `The account's grants: all of them for yourself; for others, those on organisations you manage. ${atMost('Account.grants')}`,
  })
  async grants(@Root() account: Account, @Ctx() ctx: HarbourContext): Promise<Grant[]> {
    const grants = await accountGrantsLoader(ctx).load(account.id);
    if (ctx.caller.kind === 'account' && ctx.caller.accountId === account.id) return grants;
    const allowed = await Promise.all(grants.map((g) => isAllowed(ctx, 'manage', { organisationId: g.organisationId, tenantId: g.tenantId })));
    return grants.filter((_, index) => allowed[index]);
  }

  @FieldResolver(() => [ApiToken], { description: `Your API tokens: live ones first (at most ${MAX_API_TOKENS}), then revoked and expired ones, each newest first. Only for your own account. ${atMost('Account.apiTokens')}` })
  apiTokens(@Root() account: Account, @Ctx() ctx: HarbourContext): Promise<ApiToken[]> {
    const caller = requireAccount(ctx, { session: true });
    if (caller.accountId !== account.id) throw new HarbourError(ErrorCode.FORBIDDEN, 'Only the account\'s owner sees its API tokens');
    return tokensOfAccount(ctx.db, account.id);
  }
}
