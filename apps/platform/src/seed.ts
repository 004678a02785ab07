import { createSubgraphDataSource } from '@harbour/db';
import { demoData, DEMO_SEED } from '@harbour/demo';
import { SUBGRAPH_MODULES } from './subgraphs';

/**
 * Writes the demo data into every subgraph's schema, in one transaction: an interrupted seed
 * leaves nothing, so "empty" stays true and the next start seeds again. Running it again
 * changes nothing.
 */
export async function seedDemo(ownerUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const demo = demoData(DEMO_SEED);
  // Seeds write schema-qualified SQL, so any subgraph's DataSource can carry the transaction.
  const dataSource = createSubgraphDataSource(ownerUrl, SUBGRAPH_MODULES[0]!.database, { max: 1, applicationName: 'harbour-seed' });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      for (const [index, subgraph] of SUBGRAPH_MODULES.entries()) {
        await subgraph.seed(manager, demo);
        log(`seed [${index + 1}/${SUBGRAPH_MODULES.length}] ${subgraph.name}`);
      }
    });
  } finally {
    await dataSource.destroy();
  }
}

/** True when the directory holds no organisation yet. */
export async function isEmpty(ownerUrl: string): Promise<boolean> {
  const directory = SUBGRAPH_MODULES[0]!;
  const dataSource = createSubgraphDataSource(ownerUrl, directory.database, { max: 1, applicationName: 'harbour-seed' });
  await dataSource.initialize();
  try {
    const rows: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM directory.organisation');
    return rows[0]!.n === 0;
  } finally {
    await dataSource.destroy();
  }
}
