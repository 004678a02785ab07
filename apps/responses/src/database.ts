import type { SubgraphDatabase } from '@harbour/db';
import { DELIVERY_CLOCK } from './delivery/delivery-clock';
import { FOLD_CLOCK } from './submission/fold-clock';
import { migrations } from './migrations';
import { Response } from './response/response.entity';

export const database: SubgraphDatabase = { schema: 'responses', entities: [Response], migrations, jobQueues: [DELIVERY_CLOCK, FOLD_CLOCK] };
