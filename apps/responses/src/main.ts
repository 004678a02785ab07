import 'reflect-metadata';
import { runSubgraph } from '@harbour/graphql-kit';
import { responses } from './index';

runSubgraph(responses).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
