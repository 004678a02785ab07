import type { SubgraphDatabase } from '@harbour/db';
import { migrations } from './migrations';
import { Organisation } from './organisation/organisation.entity';
import { Role } from './role/role.entity';

export const database: SubgraphDatabase = { schema: 'directory', entities: [Organisation, Role], migrations };
