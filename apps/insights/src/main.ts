import 'reflect-metadata';
import { runSubgraph } from '@harbour/graphql-kit';
import { insights } from './index';

runSubgraph(insights).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
