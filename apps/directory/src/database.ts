import type { SubgraphDatabase } from '@harbour/db';
import { Account } from './account/account.entity';
import { ApiToken } from './api-token/api-token.entity';
import { Grant } from './grant/grant.entity';
import { migrations } from './migrations';
import { Organisation } from './organisation/organisation.entity';
import { Role } from './role/role.entity';
import { Setting } from './setting/setting.entity';
import { Staff } from './staff/staff.entity';

export const database: SubgraphDatabase = { schema: 'directory', entities: [Organisation, Role, Account, Grant, ApiToken, Setting, Staff], migrations };
