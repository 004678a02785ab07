import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type HarbourContext } from '@harbour/graphql-kit';
import { resolveResponseReference } from './response/response.reference';
import { ResponseResolver } from './response/response.resolver';
import { LinkReleaseResolver } from './delivery/link-release.resolver';
import { OutboxResolver } from './delivery/outbox.resolver';
import { ProgressResolver } from './progress/progress.resolver';
import { ErasureResolver } from './submission/erasure.resolver';
import { RespondentResolver } from './submission/respondent.resolver';
import { SurveyResponsesResolver } from './survey/survey.resolver';

export function buildResponsesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<HarbourContext>(
    { resolvers: [ResponseResolver, SurveyResponsesResolver, RespondentResolver, OutboxResolver, LinkReleaseResolver, ErasureResolver, ProgressResolver] },
    {
      Response: resolveResponseReference,
      // responses holds nothing about a survey but its id.
      Survey: (reference) => ({ id: String(reference.id) }),
      Organisation: (reference) => ({ id: String(reference.id) }),
    },
  );
}
