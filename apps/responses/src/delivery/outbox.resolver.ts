import { Args, ArgsType, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { withheldLinks } from '../invitation/links';
import { linksReleased } from './link-release';
import { audit, authorise, connectionOf, decodeCursor, PageArgs, pageFrom, parseId, placementLoader, requireScope, scopeCondition, type HarbourContext, type Page } from '@harbour/graphql-kit';

@ObjectType('OutboxMessage', { description: 'An invitation or reminder to a respondent: what it says, to whom, and whether it went.' })
export class OutboxMessage {
  @Field(() => ID, { description: 'Stable identifier (also its Message-ID).' })
  id!: string;

  @Field(() => String, { description: 'INVITATION or REMINDER.' })
  kind!: string;

  @Field(() => String, { description: 'The email address it is for.' })
  recipient!: string;

  @Field(() => String, { description: 'Its subject.' })
  subject!: string;

  @Field(() => String, {
    description: 'Its text. The personal link in it is withheld unless its campaign\'s links were released for hand delivery (releaseInvitationLinks); sent messages no longer keep it.',
  })
  body!: string;

  @Field(() => String, {
    description: 'HELD (no SMTP server: forward it yourself), PENDING, SENDING, SENT, FAILED (see error) or UNKNOWN (the sender stopped while sending it; not sent again).',
  })
  state!: string;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it.' })
  sentAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, or why its fate is not known.' })
  error!: string | null;
}

export const OutboxConnection = connectionOf(OutboxMessage, 'OutboxMessage');

@ArgsType()
class OutboxArgs extends PageArgs {
  @Field(() => ID, { description: 'Messages to staff invited in this organisation or below it.' })
  organisationId!: string;
}

// `at` is created_at as PostgreSQL prints it, to the microsecond, so the cursor loses nothing.
type Row = { id: string; released: boolean; kind: string; recipient: string; subject: string; body: string; state: string; created_at: Date; at: string; sent_at: Date | null; error: string | null };

@Resolver()
export class OutboxResolver {
  @Query(() => OutboxConnection, { description: 'Invitations and reminders to staff in an organisation you manage, newest first (trust admins). Every read is audited.' })
  async outbox(@Args(() => OutboxArgs) args: OutboxArgs, @Ctx() ctx: HarbourContext): Promise<Page<OutboxMessage>> {
    const scope = requireScope(ctx, 'manage');
    const organisationId = parseId('organisationId', args.organisationId);
    const placement = await placementLoader(ctx).load(organisationId);
    await authorise(ctx, 'manage', { organisationId, tenantId: placement?.tenantId });
    const params: unknown[] = [organisationId, args.first + 1];
    const param = (value: unknown) => `$${params.push(value)}`;
    let after = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ['text', 'uuid']);
      after = `AND (o.created_at, o.id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`;
    }
    const rows = (await ctx.db.query(
      `SELECT o.id, ${linksReleased('i.campaign_id')} AS released, upper(o.kind) AS kind, o.recipient, o.subject, o.body, upper(o.state) AS state, o.created_at, o.created_at::text AS at, o.sent_at, o.error
       FROM responses.outbox o JOIN responses.invitation i ON i.id = o.invitation_id
       WHERE EXISTS (SELECT 1 FROM directory.organisation_ancestry a WHERE a.ancestor_id = $1 AND a.descendant_id = i.organisation_id)
         AND ${scopeCondition(scope, { tenant: 'o.tenant_id', organisation: 'i.organisation_id' }, param)} ${after}
       ORDER BY o.created_at DESC, o.id DESC LIMIT $2`,
      params,
    )) as Row[];
    const page = pageFrom(rows, args.first, (r) => [r.at, r.id]);
    if (page.nodes.length) {
      await audit(ctx, { action: 'outbox.read', tenantId: placement!.tenantId, organisationId, targetType: 'organisation', targetId: organisationId, details: { messages: page.nodes.length } });
    }
    return {
      pageInfo: page.pageInfo,
      nodes: page.nodes.map((r) => ({ id: r.id, kind: r.kind, recipient: r.recipient, subject: r.subject, body: r.released ? r.body : withheldLinks(r.body), state: r.state, createdAt: r.created_at, sentAt: r.sent_at, error: r.error })),
    };
  }
}
