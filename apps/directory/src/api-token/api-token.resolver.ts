import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { audit, ErrorCode, HarbourError, notFound, parseId, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { CreateApiTokenInput } from '../account/account.inputs';
import { ApiToken } from './api-token.entity';
import { createApiToken, liveTokenCount, MAX_API_TOKENS, revokeApiToken } from './api-token.service';

@ObjectType({ description: 'A new API token and its secret, shown this once.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`. Harbour keeps only a hash: copy it now.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The token\'s record.' })
  apiToken!: ApiToken;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Mutation(() => CreatedApiToken, { description: 'Makes a personal API token that reads reports, for scripts. Needs a grant that reads reports.' })
  async createApiToken(@Arg('input', () => CreateApiTokenInput, { description: 'Its name and lifetime.' }) input: CreateApiTokenInput, @Ctx() ctx: HarbourContext): Promise<CreatedApiToken> {
    const caller = requireAccount(ctx, { session: true });
    requireScope(ctx, 'read_reports');
    if ((await liveTokenCount(ctx.db, caller.accountId)) >= MAX_API_TOKENS) {
      throw new HarbourError(ErrorCode.BAD_USER_INPUT, `You already have ${MAX_API_TOKENS} working tokens: revoke one first`);
    }
    const created = await createApiToken(ctx.db, caller.accountId, input);
    await audit(ctx, {
      action: 'api_token.create',
      tenantId: null,
      targetType: 'api_token',
      targetId: created.apiToken.id,
      details: { name: created.apiToken.name, prefix: created.apiToken.prefix, expiresAt: created.apiToken.expiresAt },
    });
    return created;
  }

  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens; it stops working at once.' })
  async revokeApiToken(@Arg('id', () => ID, { description: 'The token\'s id (not the token).' }) id: string, @Ctx() ctx: HarbourContext): Promise<ApiToken> {
    const caller = requireAccount(ctx, { session: true });
    const revoked = await revokeApiToken(ctx.db, caller.accountId, parseId('id', id));
    if (!revoked) throw notFound('API token', id);
    await audit(ctx, { action: 'api_token.revoke', tenantId: null, targetType: 'api_token', targetId: revoked.id });
    return revoked;
  }
}
