import type { VariablesOf } from '../../graphql';
import type { ReportQuery } from './report-query';

export type Filter = VariablesOf<typeof ReportQuery>['filter'];
export type Dimension = VariablesOf<typeof ReportQuery>['by'];

/** What the filters on the page hold. Empty lists mean "any". */
export interface FilterState {
  instrument: string;
  organisationId: string;
  roleIds: string[];
  settingIds: string[];
  tenureBands: string[];
  from: string;
  to: string;
  by: Dimension;
}

export const TENURE_BANDS: [string, string][] = [
  ['MONTHS_0_3', '0–3 months'],
  ['MONTHS_3_6', '3–6 months'],
  ['MONTHS_6_12', '6–12 months'],
  ['MONTHS_12_24', '12–24 months'],
  ['MONTHS_24_PLUS', '24 months or more'],
];

export const DIMENSIONS: [Dimension, string][] = [
  ['SETTING', 'Setting'],
  ['ROLE', 'Role'],
  ['ORGANISATION', 'Organisation (the level below)'],
  ['TENURE_BAND', 'Months in post'],
  ['COHORT', 'Cohort'],
];

/** The GraphQL filter for the page's state: lists left empty are left out (any). */
export function filterOf(state: FilterState): Filter {
  return {
    instrument: state.instrument,
    organisationId: state.organisationId,
    ...(state.roleIds.length ? { roleIds: state.roleIds } : {}),
    ...(state.settingIds.length ? { settingIds: state.settingIds } : {}),
    ...(state.tenureBands.length ? { tenureBands: state.tenureBands as Filter['tenureBands'] } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
  };
}
