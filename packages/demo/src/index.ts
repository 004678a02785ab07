export { demoData, DEMO_PASSWORD, DEMO_RESPONDENT_TOKEN, DEMO_SEED } from './demo-data';
export type {
  DemoAccount,
  DemoCampaign,
  DemoData,
  DemoHistoryCampaign,
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
export { belongingAnswers, belongingRounds, historyStaff } from './history';
export type { HistoryInvitation, HistoryPlace, HistoryStaff, StaffOptions } from './history';
