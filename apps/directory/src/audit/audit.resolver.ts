import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, isAllowed, PageArgs, parseId, requireAccount, requireScope, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { Account } from '../account/account.entity';
import { accountLoader } from '../account/account.loaders';
import { Organisation } from '../organisation/organisation.entity';
import { organisationLoader } from '../organisation/organisation.loaders';
import { AuditEvent } from './audit-event.entity';
import { auditEvents } from './audit.service';

export const AuditEventConnection = connectionOf(AuditEvent, 'AuditEvent');

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only events about this organisation and everything below it.' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `grant.create`.' })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what this account did.' })
  actorId?: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      'Who did what, when and from where, newest first: for trust admins (their organisations) and platform admins (everything). Platform admins also see each campaign\'s submissions, withdrawals and erasures counted per day (`campaign.responses`, timed at the end of the day in England, no person or client): their counts can be small, so trust admins do not.',
  })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: HarbourContext): Promise<Page<AuditEvent>> {
    requireAccount(ctx, { session: true });
    const scope = requireScope(ctx, 'manage');
    return auditEvents(ctx.db, {
      first: args.first,
      after: args.after,
      organisationId: args.organisationId ? parseId('organisationId', args.organisationId) : null,
      action: args.action,
      actorId: args.actorId ? parseId('actorId', args.actorId) : null,
      scope,
    });
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who did it; null for an anonymous caller.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: HarbourContext): Promise<Account | null> | null {
    return event.actorId ? accountLoader(ctx).load(event.actorId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation it concerns, when there is one the caller may see.' })
  async organisation(@Root() event: AuditEvent, @Ctx() ctx: HarbourContext): Promise<Organisation | null> {
    const id = event.organisationId ?? event.tenantId;
    if (!id) return null;
    const found = await organisationLoader(ctx).load(id);
    return found && (await isAllowed(ctx, 'read_directory', { organisationId: found.id, tenantId: found.tenantId })) ? found : null;
  }
}
