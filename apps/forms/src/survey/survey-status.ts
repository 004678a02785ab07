import { registerEnumType } from 'type-graphql';

/** Where a survey is in its life; the values are what the database stores. */
export enum SurveyStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}

registerEnumType(SurveyStatus, {
  name: 'SurveyStatus',
  description: 'DRAFT can still change; PUBLISHED can be sent to staff; ARCHIVED is kept for its results only.',
});
