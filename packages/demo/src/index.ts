export { demoData, DEMO_PASSWORD, DEMO_SEED } from './demo-data';
export type {
  DemoAccount,
  DemoData,
  DemoOrganisation,
  DemoOrganisationKind,
  DemoReportingPolicy,
  DemoResponse,
  DemoRole,
  DemoSurvey,
} from './demo-data';
export { seededRandom, uuidFrom, pick } from './random';
