import type { EntityManager } from 'typeorm';
import { decodeCursor, pageFrom, type Page } from '@harbour/graphql-kit';
import { Organisation } from './organisation.entity';
import type { OrganisationKind } from './organisation-kind';

export interface OrganisationFilter {
  first: number;
  after?: string | null;
  kind?: OrganisationKind | null;
  topLevelOnly?: boolean;
}

/** Organisations by name, a page at a time (keyset on name, id). */
export async function listOrganisations(db: EntityManager, filter: OrganisationFilter): Promise<Page<Organisation>> {
  const query = db.getRepository(Organisation).createQueryBuilder('o').orderBy('o.name').addOrderBy('o.id').limit(filter.first + 1);
  if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
  if (filter.topLevelOnly) query.andWhere('o.parent_id IS NULL');
  if (filter.after) {
    const [name, id] = decodeCursor(filter.after, ['text', 'uuid']);
    query.andWhere('(o.name, o.id) > (:name, :id)', { name, id });
  }
  return pageFrom(await query.getMany(), filter.first, (o) => [o.name, o.id]);
}

/** Organisations by id, for loaders. */
export function organisationsByIds(db: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
  return db.getRepository(Organisation).createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
}

/** Direct children of each parent, by name. */
export function childrenOf(db: EntityManager, parentIds: readonly string[]): Promise<Organisation[]> {
  return db
    .getRepository(Organisation)
    .createQueryBuilder('o')
    .where('o.parent_id = ANY(:parentIds)', { parentIds })
    .orderBy('o.name')
    .getMany();
}
