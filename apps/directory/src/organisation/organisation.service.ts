import type { EntityManager } from 'typeorm';
import { decodeCursor, pageFrom, pagesPerParent, scopeCondition, type GrantScope, type Page } from '@harbour/graphql-kit';
import { Organisation } from './organisation.entity';
import type { OrganisationKind } from './organisation-kind';

export interface OrganisationFilter {
  first: number;
  after?: string | null;
  kind?: OrganisationKind | null;
  topLevelOnly?: boolean;
  /** Only organisations inside this scope (the caller's grants). */
  scope: GrantScope;
}

/** Organisations by name, a page at a time (keyset on name, id). */
export async function listOrganisations(db: EntityManager, filter: OrganisationFilter): Promise<Page<Organisation>> {
  const query = db.getRepository(Organisation).createQueryBuilder('o').orderBy('o.name').addOrderBy('o.id').limit(filter.first + 1);
  let n = 0;
  const inScope = scopeCondition(filter.scope, { tenant: 'o.tenant_id', organisation: 'o.id' }, (value) => {
    const name = `scope${n++}`;
    query.setParameter(name, value);
    return `:${name}`;
  });
  query.where(inScope);
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

interface OrganisationRow {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  kind: OrganisationKind;
  name: string;
}

/** A page of each parent's direct children, by name (keyset on name, id), in one query. */
export function childrenOf(db: EntityManager, parentIds: readonly string[], page: { first: number; after?: string | null }): Promise<Page<Organisation>[]> {
  return pagesPerParent<OrganisationRow, Organisation>(db, parentIds, page, {
    table: 'directory.organisation',
    parentColumn: 'parent_id',
    order: [
      { sql: 't.name', part: 'text' },
      { sql: 't.id', part: 'uuid' },
    ],
    direction: 'ASC',
    map: (row) =>
      Object.assign(new Organisation(), { id: row.id, tenantId: row.tenant_id, parentId: row.parent_id, kind: row.kind, name: row.name }),
    parentOf: (o) => o.parentId!,
    cursorOf: (o) => [o.name, o.id],
  });
}
