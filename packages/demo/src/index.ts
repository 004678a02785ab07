export { demoData, DEMO_SEED } from './demo-data';
export type {
  DemoData,
  DemoOrganisation,
  DemoOrganisationKind,
  DemoReportingPolicy,
  DemoResponse,
  DemoRole,
  DemoSurvey,
} from './demo-data';
export { seededRandom, uuidFrom, pick } from './random';
