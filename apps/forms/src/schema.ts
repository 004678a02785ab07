import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type HarbourContext } from '@harbour/graphql-kit';
import { OrganisationSurveysResolver } from './organisation/organisation.resolver';
import { resolveSurveyReference } from './survey/survey.reference';
import { CampaignResolver } from './campaign/campaign.resolver';
import { SurveyDraftResolver } from './survey/survey-draft.resolver';
import { SurveyVersionResolver } from './survey/survey-version.resolver';
import { SurveyResolver } from './survey/survey.resolver';

export function buildFormsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<HarbourContext>(
    { resolvers: [SurveyResolver, OrganisationSurveysResolver, SurveyDraftResolver, SurveyVersionResolver, CampaignResolver] },
    {
      Survey: resolveSurveyReference,
      // forms holds nothing about an organisation but its id.
      Organisation: (reference) => ({ id: String(reference.id) }),
    },
  );
}
