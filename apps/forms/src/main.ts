import 'reflect-metadata';
import { runSubgraph } from '@harbour/graphql-kit';
import { forms } from './index';

runSubgraph(forms).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
