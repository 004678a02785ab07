import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { atMost } from '@harbour/graphql-kit';

export enum AnonymityMode {
  ANONYMOUS = 'anonymous',
  PSEUDONYMOUS = 'pseudonymous',
  IDENTIFIED = 'identified',
}
registerEnumType(AnonymityMode, {
  name: 'AnonymityMode',
  description: 'What a campaign promises respondents about who can see their answers.',
  valuesConfig: {
    ANONYMOUS: { description: 'No link from a response to the person; times kept to the day.' },
    PSEUDONYMOUS: { description: 'A keyed pseudonym links one person\'s responses over time, never their identity (the default).' },
    IDENTIFIED: { description: 'Responses are linked to the person, said up front; for non-sensitive forms only.' },
  },
});

export enum CampaignState {
  DRAFT = 'draft',
  SCHEDULED = 'scheduled',
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(CampaignState, { name: 'CampaignState', description: 'Where a campaign is in its life: DRAFT, SCHEDULED, OPEN, CLOSED.' });

export enum ScheduleKind {
  WINDOW = 'window',
  RECURRING = 'recurring',
  LIFECYCLE = 'lifecycle',
}
registerEnumType(ScheduleKind, {
  name: 'ScheduleKind',
  description: 'How a campaign is timed.',
  valuesConfig: {
    WINDOW: { description: 'Once: open from opensOn to closesOn.' },
    RECURRING: { description: 'Every everyWeeks weeks from opensOn, each round open for windowDays.' },
    LIFECYCLE: { description: 'For each person, daysAfterStart days after their start date, open for windowDays.' },
  },
});

@ObjectType('CampaignAudience', { description: 'Who a campaign asks: staff in post in an organisation subtree, optionally by role, setting and tenure.' })
@InputType('CampaignAudienceInput', { description: 'Who a campaign asks.' })
export class CampaignAudience {
  @Field(() => ID, { description: 'Staff employed or hosted in this organisation or below it.' })
  organisationId!: string;

  @Field(() => [ID], { defaultValue: [], description: `Only these roles; all roles when empty. ${atMost('CampaignAudience.roleIds')}` })
  roleIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: `Only these settings; all settings when empty. ${atMost('CampaignAudience.settingIds')}` })
  settingIds!: string[];

  @Field(() => Int, { nullable: true, description: 'Only staff who started in the last N days.' })
  startedWithinDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Only staff who started at least N days ago.' })
  startedAtLeastDaysAgo?: number | null;
}

@ObjectType('CampaignSchedule', { description: 'When a campaign asks.' })
@InputType('CampaignScheduleInput', { description: 'When a campaign asks; which fields matter depends on kind.' })
export class CampaignSchedule {
  @Field(() => ScheduleKind, { description: 'Once, recurring, or tied to each person\'s start date.' })
  kind!: ScheduleKind;

  @Field(() => String, { description: 'The first day it opens (YYYY-MM-DD).' })
  opensOn!: string;

  @Field(() => String, { nullable: true, description: 'WINDOW: the last day it is open.' })
  closesOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING: weeks between rounds (1 to 52).' })
  everyWeeks?: number | null;

  @Field(() => Int, { nullable: true, description: 'RECURRING and LIFECYCLE: days each invitation stays open (1 to 90).' })
  windowDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'LIFECYCLE: days after each person\'s start date (0 to 730).' })
  daysAfterStart?: number | null;

  @Field(() => String, { nullable: true, description: 'RECURRING and LIFECYCLE: the last day to open anything (YYYY-MM-DD); none when absent.' })
  until?: string | null;
}
