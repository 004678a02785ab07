import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { HarbourContext } from '@harbour/graphql-kit';
import { InvitationView, SaveResponseDraftInput, SubmitResponseInput } from './respondent.types';
import { invitationByLink, saveDraft, submit, withdraw } from './respondent.service';

@ObjectType({ description: 'What a submission did.' })
export class SubmitResponsePayload {
  @Field(() => InvitationView, { description: 'The invitation, now COMPLETED.' })
  invitation!: InvitationView;

  @Field(() => Boolean, { description: 'True when this was a retry of a submission already stored (same key, same answers): nothing new was stored.' })
  repeated!: boolean;
}

/** The respondent's side: anyone holding a personal link, signed in or not. The link's token is the credential. */
@Resolver()
export class RespondentResolver {
  @Query(() => InvitationView, { description: 'The survey a personal link opens, with the draft saved so far. NOT_FOUND for a link that is not known; FORBIDDEN once expired.' })
  invitation(@Arg('token', () => String, { description: 'The token from the link (the part after /s/).' }) token: string, @Ctx() ctx: HarbourContext): Promise<InvitationView> {
    return invitationByLink(ctx.db, token);
  }

  @Mutation(() => InvitationView, { description: 'Saves the answers so far and the page, so the respondent can carry on later on any device with the same link.' })
  saveResponseDraft(@Arg('input', () => SaveResponseDraftInput, { description: 'The link, answers and page.' }) input: SaveResponseDraftInput, @Ctx() ctx: HarbourContext): Promise<InvitationView> {
    return saveDraft(ctx.db, input.token, input.answers, input.pageNo);
  }

  @Mutation(() => SubmitResponsePayload, {
    description:
      'Submits the answers once, checked against the survey (BAD_USER_INPUT with `extensions.problems`, by question, when they cannot be taken). A retry with the same idempotency key returns the same result; the same key with other answers is refused (KEY_REUSED), except in an anonymous campaign, whose invitation keeps nothing of the answers to compare. Audited as a count per campaign and day (`campaign.responses`), never per person.',
  })
  submitResponse(@Arg('input', () => SubmitResponseInput, { description: 'The link, answers and idempotency key.' }) input: SubmitResponseInput, @Ctx() ctx: HarbourContext): Promise<SubmitResponsePayload> {
    return submit(ctx.db, input.token, input.answers, input.idempotencyKey);
  }

  @Mutation(() => InvitationView, {
    description:
      'Withdraws the answers this link submitted: they are erased and reports no longer count them. Not for anonymous answers, which nothing links to the person. Audited as a count per campaign and day (`campaign.responses`), never per person.',
  })
  async withdrawResponse(@Arg('token', () => String, { description: 'The token from the personal link.' }) token: string, @Ctx() ctx: HarbourContext): Promise<InvitationView> {
    return (await withdraw(ctx.db, token)).invitation;
  }
}
