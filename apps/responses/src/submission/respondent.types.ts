import { weighs } from '@harbour/graphql-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Length } from 'class-validator';

export enum InvitationState {
  INVITED = 'invited',
  STARTED = 'started',
  COMPLETED = 'completed',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(InvitationState, {
  name: 'InvitationState',
  description: 'INVITED: nothing saved yet; STARTED: a draft is saved; COMPLETED: submitted; WITHDRAWN: submitted, then taken back.',
});

export enum RespondentAnonymity {
  ANONYMOUS = 'anonymous',
  PSEUDONYMOUS = 'pseudonymous',
  IDENTIFIED = 'identified',
}
registerEnumType(RespondentAnonymity, {
  name: 'RespondentAnonymity',
  description: 'What the campaign promised: ANONYMOUS (no link to you), PSEUDONYMOUS (your answers linked over time, never to your name), IDENTIFIED (linked to you).',
});

@ObjectType('Invitation', { description: 'A personal invitation to answer a survey, opened by its link: holding the link is the only credential.' })
export class InvitationView {
  @Field(() => String, { description: 'The campaign it belongs to.' })
  campaignName!: string;

  @Field(() => String, { description: 'The survey\'s title.' })
  surveyTitle!: string;

  @Field(() => String, { description: 'The trust that sent it, by its name: the page says whose survey it is.' })
  trustName!: string;

  @Field(() => String, { nullable: true, description: "Whom to write to about the survey: the trust's contact email, when it gave one." })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true, description: "The trust's privacy notice (an https address), when it gave one." })
  privacyNoticeUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The trust's logo for the page's header, a data: URL of a PNG, JPEG or WebP image of at most 20,000 bytes, when it gave one. ${weighs('Invitation.trustLogo')}`,
  })
  trustLogo!: string | null;

  @Field(() => RespondentAnonymity, { description: 'What is promised about who can see these answers; shown on the first page.' })
  anonymity!: RespondentAnonymity;

  @Field(() => Boolean, { description: 'Whether the campaign lets the respondent answer "Prefer not to say" (the value `refused`) to any question; reports count it as no answer.' })
  preferNotToSay!: boolean;

  @Field(() => GraphQLJSONObject, { description: `The form, SurveyJS JSON: the campaign's survey version exactly. ${weighs('Invitation.form')}` })
  form!: Record<string, unknown>;

  @Field(() => InvitationState, { description: 'Where it is.' })
  state!: InvitationState;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The answers saved so far (a draft); null when none, or once submitted.' })
  answers!: Record<string, unknown> | null;

  @Field(() => Int, { nullable: true, description: 'The page the draft was saved on, from 0.' })
  pageNo!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the draft was last saved.' })
  savedAt!: Date | null;

  @Field(() => String, { description: 'The first day it may be answered (YYYY-MM-DD).' })
  opensOn!: string;

  @Field(() => String, { description: 'The last day it may be answered (YYYY-MM-DD).' })
  closesOn!: string;

  @Field(() => Boolean, { description: 'Whether it may be answered now: the campaign is open, today is within its days, and it is not submitted.' })
  open!: boolean;

  @Field(() => String, { nullable: true, description: 'The day it was submitted (YYYY-MM-DD).' })
  completedOn!: string | null;
}

@InputType({ description: 'A draft of answers, saved so the respondent can carry on later on any device.' })
export class SaveResponseDraftInput {
  @Field(() => String, { description: 'The token from the personal link.' })
  token!: string;

  @Field(() => GraphQLJSONObject, { description: 'The answers so far, by question name.' })
  answers!: Record<string, unknown>;

  @Field(() => Int, { description: 'The page the respondent is on, from 0.' })
  pageNo!: number;
}

@InputType({ description: 'The answers, submitted once.' })
export class SubmitResponseInput {
  @Field(() => String, { description: 'The token from the personal link.' })
  token!: string;

  @Field(() => GraphQLJSONObject, { description: 'The answers, by question name.' })
  answers!: Record<string, unknown>;

  @Field(() => String, { description: 'Made by the client once per submission (a UUID, say) and sent again on a retry: a retry returns the same result.' })
  @Length(8, 100)
  idempotencyKey!: string;
}
