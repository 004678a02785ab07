import { Field, Float, Int, ObjectType } from 'type-graphql';
import { atMost, LIST_SIZES } from '@harbour/graphql-kit';
import { OrganisationRef } from '../organisation/organisation.ref';

@ObjectType({ description: 'How far a campaign has got in one organisation (where its people were when invited).' })
export class OrganisationProgress {
  @Field(() => OrganisationRef, { description: 'The organisation.' })
  organisation!: OrganisationRef;

  @Field(() => Int, { description: 'People invited there.' })
  invited!: number;

  @Field(() => Int, { nullable: true, description: 'Completed responses; null when suppressed.' })
  completed!: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed over invited, 0 to 1; null when suppressed.' })
  responseRate!: number | null;

  @Field(() => Boolean, { description: 'True when the completed count is withheld: fewer than the campaign\'s minimum group, or it would give one that is away by subtraction.' })
  suppressed!: boolean;
}

@ObjectType({ description: 'How far a campaign has got: invitations, answers and messages.' })
export class CampaignProgress {
  @Field(() => Int, { description: 'People invited (all rounds).' })
  invited!: number;

  @Field(() => Int, { nullable: true, description: 'Invitations with a draft saved and not yet submitted; null (withheld) from 1 to under the minimum group.' })
  started!: number | null;

  @Field(() => Int, { nullable: true, description: 'Completed responses; null (withheld) from 1 to under the minimum group, or when the organisations withheld below add up to that.' })
  completed!: number | null;

  @Field(() => Int, { nullable: true, description: 'Responses withdrawn or erased; null (withheld) from 1 to under the minimum group.' })
  withdrawn!: number | null;

  @Field(() => Float, { nullable: true, description: 'Completed over invited, 0 to 1 (0 when nobody is invited yet); null when completed is withheld.' })
  responseRate!: number | null;

  @Field(() => Int, { description: 'Invitation messages written (sent or held).' })
  invitationsWritten!: number;

  @Field(() => Int, { description: 'Reminders written (sent or held).' })
  remindersWritten!: number;

  @Field(() => Int, { description: 'Messages the SMTP server accepted.' })
  messagesSent!: number;

  @Field(() => Int, { description: 'Messages held in the outbox (no SMTP server).' })
  messagesHeld!: number;

  @Field(() => Int, { description: 'Messages that failed, or whose fate is not known.' })
  messagesNotSent!: number;

  @Field(() => Int, { description: 'Invited people with no email address: nobody has sent them their link.' })
  withoutEmail!: number;

  @Field(() => Date, { nullable: true, description: 'When its personal links were released to admins for hand delivery (releaseInvitationLinks); null while only the people invited hold them.' })
  linksReleasedAt!: Date | null;

  @Field(() => Int, { description: 'The smallest group whose completed count is shown.' })
  minGroupSize!: number;

  @Field(() => [OrganisationProgress], { description: `By employing organisation, largest first: the ${LIST_SIZES['CampaignProgress.byOrganisation']} largest. ${atMost('CampaignProgress.byOrganisation')}` })
  byOrganisation!: OrganisationProgress[];
}
