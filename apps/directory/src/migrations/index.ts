import { CreateDirectory1764000000000 } from './1764000000000-CreateDirectory';

/** In the order they run. */
export const migrations = [CreateDirectory1764000000000];
