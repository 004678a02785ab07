import { createSubgraphDataSource } from '@harbour/db';
import { demoData, DEMO_SEED } from '@harbour/demo';
import { SUBGRAPH_MODULES } from './subgraphs';

/** Writes the demo data into every subgraph's schema. Running it again changes nothing. */
export async function seedDemo(ownerUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const demo = demoData(DEMO_SEED);
  for (const [index, subgraph] of SUBGRAPH_MODULES.entries()) {
    const dataSource = createSubgraphDataSource(ownerUrl, subgraph.database, { max: 1, applicationName: 'harbour-seed' });
    await dataSource.initialize();
    try {
      await dataSource.transaction((manager) => subgraph.seed(manager, demo));
    } finally {
      await dataSource.destroy();
    }
    log(`seed [${index + 1}/${SUBGRAPH_MODULES.length}] ${subgraph.name}`);
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
