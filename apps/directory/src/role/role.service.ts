import type { EntityManager } from 'typeorm';
import { catalogueOrder } from '../catalogue.service';
import { Role } from './role.entity';

/** Every role, national ones first, then by name. */
export function listRoles(db: EntityManager): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').orderBy(catalogueOrder('r')).getMany();
}

/** Roles by id, for loaders. */
export function rolesByIds(db: EntityManager, ids: readonly string[]): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
