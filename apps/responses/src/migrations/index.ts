import { CreateResponse1764000200000 } from './1764000200000-CreateResponse';

/** In the order they run. */
export const migrations = [CreateResponse1764000200000];
