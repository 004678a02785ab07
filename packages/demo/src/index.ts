export { demoData, DEMO_PASSWORD, DEMO_RESPONDENT_TOKEN, DEMO_SEED } from './demo-data';
export type {
  DemoAccount,
  DemoCampaign,
  DemoData,
  DemoOrganisation,
  DemoOrganisationKind,
  DemoReportingPolicy,
  DemoRespondent,
  DemoResponse,
  DemoRole,
  DemoSetting,
  DemoStaff,
  DemoSurvey,
} from './demo-data';
export { nationalId, seededRandom, uuidFrom, pick } from './random';
