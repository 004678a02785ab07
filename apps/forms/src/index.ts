import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { campaignClock } from './campaign/campaign-clock';
import { database } from './database';
import { buildFormsSchema } from './schema';

export { database } from './database';
export { seedForms } from './seed';

/** The forms subgraph: surveys owned by organisations, and their campaigns (opened and closed on their days). */
export const forms: SubgraphDefinition = { name: 'forms', database, buildSchema: buildFormsSchema, jobs: [campaignClock] };
