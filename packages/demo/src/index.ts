export { demoData, DEMO_PASSWORD, DEMO_SEED } from './demo-data';
export type {
  DemoAccount,
  DemoData,
  DemoOrganisation,
  DemoOrganisationKind,
  DemoReportingPolicy,
  DemoResponse,
  DemoRole,
  DemoSetting,
  DemoStaff,
  DemoSurvey,
} from './demo-data';
export { nationalId, seededRandom, uuidFrom, pick } from './random';
