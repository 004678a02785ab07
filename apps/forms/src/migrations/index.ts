import { CreateSurvey1764000100000 } from './1764000100000-CreateSurvey';
import { FormsRowLevelSecurity1764100200000 } from './1764100200000-FormsRowLevelSecurity';

/** In the order they run. */
export const migrations = [CreateSurvey1764000100000, FormsRowLevelSecurity1764100200000];
