/**
 * The most items each list field without a `first` argument ever holds, as `Type.field` of the
 * composed schema. One table for both sides: the gateway's cost estimate counts each list at
 * this size (limits/operation-limits.ts), and the subgraph that answers it keeps to it (a
 * LIMIT, a refusal when something would be added past it, or the size of a fixed catalogue),
 * and says so in the field's description (`atMost`). Lists with `first` are counted at the
 * page asked for; a connection's `nodes` at its parent's page.
 *
 * A test (apps/gateway/src/limits/list-sizes.test.ts) fails when a list field of
 * schema/api.graphql is in neither group, or its description does not state its bound.
 */
export const LIST_SIZES = {
  // The catalogues: 24 national roles and 11 settings, and each trust's own (MAX_OWN_CATALOGUE_ENTRIES each).
  'Query.roles': 500,
  'Query.settings': 500,
  'Query.campaigns': 500,
  'Query.instruments': 5,
  'Account.grants': 50,
  'Account.apiTokens': 50,
  // A trust is level 1 of its tree; MAX_ORGANISATION_DEPTH levels in all.
  'Organisation.ancestors': 9,
  'Staff.hostOrganisations': 20,
  'Staff.events': 100,
  'StaffImportReport.problems': 1000,
  'StaffImportReport.ignoredColumns': 50,
  'CampaignAudience.roleIds': 50,
  'CampaignAudience.settingIds': 50,
  'Survey.versions': 100,
  'SurveyDiff.added': 1000,
  'SurveyDiff.removed': 1000,
  'SurveyDiff.changed': 1000,
  'ChangedItemType.properties': 50,
  'RoleEvaluation.releasedLinks': 500,
  // Ten years of months (TREND_MAX_YEARS in apps/insights/src/report/periods.ts).
  'RoleEvaluation.trend': 120,
  'RoleEvaluation.tenureCurve': 5,
  'ReportFigures.constructs': 30,
  'ReportFigures.checklist': 100,
  'ReportFigures.drivers': 40,
  'ConstructResult.distribution': 5,
  'Breakdown.rows': 200,
  'Comments.comments': 500,
  'Retention.bands': 3,
  'CampaignProgress.byOrganisation': 200,
  // One per queue of each subgraph; the queues are named in code (each subgraph's database.jobQueues).
  'Query.backgroundJobs': 50,
} as const satisfies Record<string, number>;

export type ListField = keyof typeof LIST_SIZES;

/**
 * Fields that cost more than 1 in the estimate, because what they give (or the work to give
 * it) is far larger than one value: a form's JSON may be 1 MiB, and a diff compares two. Each
 * counts as this many fields, so 500 surveys' drafts in one request are refused, 50 are not.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Survey.draft': 1000,
  'Survey.draftScoring': 1000,
  'Survey.diff': 1000,
  'SurveyVersion.json': 1000,
  'SurveyVersion.scoring': 1000,
  'InstrumentType.json': 1000,
  'InstrumentType.scoring': 1000,
  'Invitation.form': 1000,
  // A logo is at most 30,000 characters: 30 fields' worth.
  'Organisation.logo': 30,
  'Invitation.trustLogo': 30,
};

/** What one field counts in the estimate, before what it holds: its FIELD_WEIGHTS entry, else 1. */
export function fieldWeight(typeName: string, fieldName: string): number {
  return FIELD_WEIGHTS[`${typeName}.${fieldName}`] ?? 1;
}

/** A weighted field's cost, as its schema description states it. */
export function weighs(field: string): string {
  return `Counts as ${fieldWeight(...(field.split('.') as [string, string]))} fields in the cost estimate.`;
}

/** A trust's own roles, and its own settings, beside the national catalogue's. */
export const MAX_OWN_CATALOGUE_ENTRIES = 200;

/** Levels of an organisation tree, the trust included. */
export const MAX_ORGANISATION_DEPTH = LIST_SIZES['Organisation.ancestors'] + 1;

/** The bound of `field`, as its schema description states it: "At most N." */
export function atMost(field: ListField): string {
  return `At most ${LIST_SIZES[field]}.`;
}

/** The most items a list field may hold: its LIST_SIZES entry, or undefined when it has none. */
export function listSize(typeName: string, fieldName: string): number | undefined {
  return (LIST_SIZES as Record<string, number>)[`${typeName}.${fieldName}`];
}
