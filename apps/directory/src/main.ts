import 'reflect-metadata';
import { runSubgraph } from '@harbour/graphql-kit';
import { directory } from './index';

runSubgraph(directory).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
