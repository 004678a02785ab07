import type { EntityManager } from 'typeorm';
import { CATALOGUE_LIMIT, catalogueOrder } from '../catalogue.service';
import { Role } from './role.entity';

/** Every role, national ones first, then by name: at most CATALOGUE_LIMIT. */
export function listRoles(db: EntityManager): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').orderBy(catalogueOrder('r')).limit(CATALOGUE_LIMIT).getMany();
}

/** Roles by id, for loaders. */
export function rolesByIds(db: EntityManager, ids: readonly string[]): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
