import { CreateDirectory1764000000000 } from './1764000000000-CreateDirectory';
import { OrganisationClosure1764100000000 } from './1764100000000-OrganisationClosure';
import { DirectoryRowLevelSecurity1764100100000 } from './1764100100000-DirectoryRowLevelSecurity';
import { CreateAccounts1764100500000 } from './1764100500000-CreateAccounts';
import { RoleAndSettingCatalogues1764100600000 } from './1764100600000-RoleAndSettingCatalogues';
import { OrganisationOdsCode1764100700000 } from './1764100700000-OrganisationOdsCode';
import { DirectoryAuditTrail1764100800000 } from './1764100800000-DirectoryAuditTrail';
import { CreateStaff1764100900000 } from './1764100900000-CreateStaff';
import { PublishStaffAudience1764101100000 } from './1764101100000-PublishStaffAudience';
import { PublishStaffToResponses1764101300000 } from './1764101300000-PublishStaffToResponses';
import { PublishReportLabels1764101700000 } from './1764101700000-PublishReportLabels';
import { ResearcherGrants1764101800000 } from './1764101800000-ResearcherGrants';
import { PublishCohortsToInsights1764101900000 } from './1764101900000-PublishCohortsToInsights';
import { SignInThrottle1764102000000 } from './1764102000000-SignInThrottle';
import { TrustContact1764102100000 } from './1764102100000-TrustContact';
import { TrustLogo1764102300000 } from './1764102300000-TrustLogo';

/** In the order they run. */
export const migrations = [
  CreateDirectory1764000000000,
  OrganisationClosure1764100000000,
  DirectoryRowLevelSecurity1764100100000,
  CreateAccounts1764100500000,
  RoleAndSettingCatalogues1764100600000,
  OrganisationOdsCode1764100700000,
  DirectoryAuditTrail1764100800000,
  CreateStaff1764100900000,
  PublishStaffAudience1764101100000,
  PublishStaffToResponses1764101300000,
  PublishReportLabels1764101700000,
  ResearcherGrants1764101800000,
  PublishCohortsToInsights1764101900000,
  SignInThrottle1764102000000,
  TrustContact1764102100000,
  TrustLogo1764102300000,
];
