import type { EntityManager } from 'typeorm';
import { Role } from './role.entity';

/** Every role, national ones first, then by name. */
export function listRoles(db: EntityManager): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').orderBy('r.tenant_id', 'ASC', 'NULLS FIRST').addOrderBy('r.name').getMany();
}

/** Roles by id, for loaders. */
export function rolesByIds(db: EntityManager, ids: readonly string[]): Promise<Role[]> {
  return db.getRepository(Role).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
}
