import type { Instrument } from './instrument';
import { LEAVING } from './leaving';
import { PULSE } from './pulse';
import { STARTING_IN_A_NEW_ROLE } from './starting-in-a-new-role';
import { TEAM_READINESS } from './team-readiness';
import { WHERE_I_BELONG } from './where-i-belong';

/** The instrument library Harbour ships: each at its latest version. */
export const INSTRUMENTS: readonly Instrument[] = [STARTING_IN_A_NEW_ROLE, WHERE_I_BELONG, PULSE, LEAVING, TEAM_READINESS];

export { BELONG_WHERE_CHOICES } from './where-i-belong';
export type { Instrument, InstrumentKind } from './instrument';
export type { PageJson, QuestionJson, SurveyJson } from './questions';
