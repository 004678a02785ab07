import { CreateReportingPolicy1764000300000 } from './1764000300000-CreateReportingPolicy';

/** In the order they run. */
export const migrations = [CreateReportingPolicy1764000300000];
