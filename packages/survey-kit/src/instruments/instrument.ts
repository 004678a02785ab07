import type { ScoringSpec } from '../scoring';
import type { SurveyJson } from './questions';

/** What an instrument is for, which decides when it is sent. */
export type InstrumentKind = 'onboarding' | 'belonging' | 'pulse' | 'leaving' | 'team_readiness';

/**
 * A platform-owned form shipped with Harbour: written in-house, in plain English, versioned.
 * Its questions' names are stable item codes; its scoring spec turns them into constructs.
 */
export interface Instrument {
  /** Stable code, e.g. `where_i_belong`. */
  code: string;
  version: number;
  title: string;
  kind: InstrumentKind;
  /** When it is meant to be sent. */
  when: string;
  /** Who answers it. */
  audience: string;
  json: SurveyJson;
  scoring: ScoringSpec;
}
