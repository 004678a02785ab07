import type { EntityManager } from 'typeorm';
import { LIST_SIZES } from '@harbour/graphql-kit';
import { catalogueOrder } from '../catalogue.service';
import { Role } from './role.entity';

/** Every role, national ones first, then by name: at most LIST_SIZES['Query.roles']. */
export function listRoles(db: EntityManager): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').orderBy(catalogueOrder('r')).limit(LIST_SIZES['Query.roles']).getMany();
}

/** Roles by id, for loaders. */
export function rolesByIds(db: EntityManager, ids: readonly string[]): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
