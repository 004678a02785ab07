import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type HarbourContext } from '@harbour/graphql-kit';
import { resolveAccountReference } from './account/account.reference';
import { AccountResolver } from './account/account.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { BackgroundJobsResolver } from './background-jobs/background-jobs.resolver';
import { ApiTokenResolver } from './api-token/api-token.resolver';
import { GrantResolver } from './grant/grant.resolver';
import { resolveOrganisationReference } from './organisation/organisation.reference';
import { OrganisationResolver } from './organisation/organisation.resolver';
import { resolveRoleReference } from './role/role.reference';
import { RoleResolver } from './role/role.resolver';
import { SettingResolver } from './setting/setting.resolver';
import { StaffImportResolver } from './staff/staff-import.resolver';
import { StaffResolver } from './staff/staff.resolver';

export function buildDirectorySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<HarbourContext>(
    { resolvers: [OrganisationResolver, RoleResolver, AccountResolver, GrantResolver, ApiTokenResolver, SettingResolver, AuditResolver, BackgroundJobsResolver, StaffResolver, StaffImportResolver] },
    { Organisation: resolveOrganisationReference, Role: resolveRoleReference, Account: resolveAccountReference },
  );
}
