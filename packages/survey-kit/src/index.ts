export { itemScore, scoreAnswers } from './scoring';
export type { ConstructScore, ConstructSpec, ScoredItem, ScoringSpec } from './scoring';
export { BELONG_WHERE_CHOICES, INSTRUMENTS } from './instruments';
export type { Instrument, InstrumentKind, PageJson, QuestionJson, SurveyJson } from './instruments';
export { DEFAULT_SURVEY_LIMITS, validateSurvey } from './validate-survey';
export type { SurveyLimits, SurveyProblem, ValidateOptions } from './validate-survey';
export { canonicalJson, contentHash, diffForms } from './versions';
export type { ChangedItem, VersionDiff } from './versions';
