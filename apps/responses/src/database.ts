import type { SubgraphDatabase } from '@harbour/db';
import { migrations } from './migrations';
import { Response } from './response/response.entity';

export const database: SubgraphDatabase = { schema: 'responses', entities: [Response], migrations };
