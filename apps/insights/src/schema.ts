import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type HarbourContext } from '@harbour/graphql-kit';
import { OrganisationRef } from './organisation/organisation.ref';
import { OrganisationPolicyResolver } from './organisation/organisation.resolver';
import { RoleEvaluationResolver } from './report/role-evaluation.resolver';
import { RoleRef } from './role/role.ref';
import { RoleSummaryResolver } from './role/role.resolver';
import { SurveyRef } from './survey/survey.ref';
import { SurveyStatsResolver } from './survey/survey.resolver';

// insights holds nothing about these entities but their ids.
const byId = (reference: Record<string, unknown>) => ({ id: String(reference.id) });

export function buildInsightsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<HarbourContext>(
    {
      resolvers: [SurveyStatsResolver, RoleSummaryResolver, OrganisationPolicyResolver, RoleEvaluationResolver],
      // Entities insights adds fields to; no query of its own reaches them.
      orphanedTypes: [SurveyRef, RoleRef, OrganisationRef],
    },
    { Survey: byId, Role: byId, Organisation: byId },
  );
}
