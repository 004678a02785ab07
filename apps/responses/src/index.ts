import type { SubgraphDefinition } from '@harbour/graphql-kit';
import { database } from './database';
import { deliveryClock } from './delivery/delivery-clock';
import { foldClock } from './submission/fold-clock';
import { buildResponsesSchema } from './schema';

export { database } from './database';
export { seedResponses } from './seed';

/** The responses subgraph: invitations and their messages (made and sent by its clock as campaigns fall due), drafts, and responses to surveys. */
export const responses: SubgraphDefinition = { name: 'responses', database, buildSchema: buildResponsesSchema, jobs: [deliveryClock(), foldClock()] };
export { addToRollups, foldRollups, type RollupEntry } from './submission/rollups';
export { fromHistory, importResponses, type ImportedInvitation, type ImportTarget } from './submission/import-responses';
export { tokenHash } from './invitation/links';
