import { CreateSurvey1764000100000 } from './1764000100000-CreateSurvey';

/** In the order they run. */
export const migrations = [CreateSurvey1764000100000];
