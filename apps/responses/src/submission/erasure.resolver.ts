import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { audit, authorise, parseId, requireAccount, requireScope, type HarbourContext } from '@harbour/graphql-kit';
import { erasePerson, invitationsOfPerson } from './withdrawal.service';

@ObjectType({ description: 'What an erasure removed.' })
export class ErasureReport {
  @Field(() => Int, { description: 'Responses erased (and taken out of reports). Anonymous ones are not among them: nothing links them to the person.' })
  responses!: number;

  @Field(() => Int, { description: 'Invitations whose drafts, messages and links were removed.' })
  invitations!: number;
}

@Resolver()
export class ErasureResolver {
  @Mutation(() => ErasureReport, {
    description:
      'Honours an erasure request for one member of staff (trust admins where they were invited): their pseudonymous and identified responses are erased and reports corrected; drafts, messages and links go.',
  })
  async eraseRespondent(@Arg('staffId', () => ID, { description: 'The member of staff.' }) staffId: string, @Ctx() ctx: HarbourContext): Promise<ErasureReport> {
    requireAccount(ctx, { session: true });
    requireScope(ctx, 'manage');
    const invitations = await invitationsOfPerson(ctx.db, parseId('staffId', staffId));
    for (const organisationId of new Set(invitations.map((i) => i.organisation_id))) {
      await authorise(ctx, 'manage', { organisationId, tenantId: invitations.find((i) => i.organisation_id === organisationId)!.tenant_id });
    }
    const report = await erasePerson(ctx.db, invitations);
    if (invitations.length) {
      await audit(ctx, { action: 'respondent.erase', tenantId: invitations[0]!.tenant_id, targetType: 'staff', targetId: staffId, details: { ...report } });
    }
    return report;
  }
}
