import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '@harbour/config';
import type { SubgraphDatabase } from '@harbour/db';
import type { DemoData } from '@harbour/demo';
import { database as directoryDb, seedDirectory } from '@harbour/directory';
import { database as formsDb, seedForms } from '@harbour/forms';
import { database as insightsDb, seedInsights } from '@harbour/insights';
import { database as responsesDb, seedResponses } from '@harbour/responses';

/** What the platform needs of each subgraph, in the order migrations and seeds run. */
export interface SubgraphModule {
  name: SubgraphName;
  database: SubgraphDatabase;
  seed(db: EntityManager, demo: DemoData): Promise<void>;
}

export const SUBGRAPH_MODULES: SubgraphModule[] = [
  { name: 'directory', database: directoryDb, seed: seedDirectory },
  { name: 'forms', database: formsDb, seed: seedForms },
  { name: 'responses', database: responsesDb, seed: seedResponses },
  { name: 'insights', database: insightsDb, seed: seedInsights },
];
