import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { decodeCursor, ErrorCode, HarbourError, MAX_ORGANISATION_DEPTH, pageFrom, pagesPerParent, scopeCondition, type GrantScope, type Page } from '@harbour/graphql-kit';
import { logoProblem } from './trust-logo';
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
  ods_code: string | null;
}

function fromRow(row: OrganisationRow): Organisation {
  return Object.assign(new Organisation(), {
    id: row.id,
    tenantId: row.tenant_id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    odsCode: row.ods_code,
  });
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
    map: fromRow,
    parentOf: (o) => o.parentId!,
    cursorOf: (o) => [o.name, o.id],
  });
}

/**
 * A page of everything below each organisation, at any depth, by name: one indexed lookup
 * in the closure table per organisation, all in one query.
 */
export function descendantsOf(
  db: EntityManager,
  ancestorIds: readonly string[],
  page: { first: number; after?: string | null; kind?: OrganisationKind | null },
): Promise<Page<Organisation>[]> {
  return pagesPerParent<OrganisationRow & { ancestor_id: string }, Organisation & { ancestorId: string }>(db, ancestorIds, page, {
    table: `(SELECT o.*, c.ancestor_id FROM directory.organisation o
             JOIN directory.organisation_closure c ON c.descendant_id = o.id AND c.depth > 0)`,
    parentColumn: 'ancestor_id',
    where: page.kind ? (param) => `t.kind = ${param(page.kind)}` : undefined,
    order: [
      { sql: 't.name', part: 'text' },
      { sql: 't.id', part: 'uuid' },
    ],
    direction: 'ASC',
    map: (row) => Object.assign(fromRow(row), { ancestorId: row.ancestor_id }),
    parentOf: (o) => o.ancestorId,
    cursorOf: (o) => [o.name, o.id],
  });
}

/** Organisations above one, nearest first. */
export async function ancestorsOf(db: EntityManager, id: string): Promise<Organisation[]> {
  const rows: OrganisationRow[] = await db.query(
    `SELECT o.* FROM directory.organisation_closure c JOIN directory.organisation o ON o.id = c.ancestor_id
     WHERE c.descendant_id = $1 AND c.depth > 0 ORDER BY c.depth`,
    [id],
  );
  return rows.map(fromRow);
}

function badInput(field: string, message: string): HarbourError {
  return new HarbourError(ErrorCode.BAD_USER_INPUT, message, { field });
}

/** Database refusals a person can act on, as BAD_USER_INPUT naming the field. */
function explain(error: unknown): never {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if (code === '23505' && constraint === 'organisation_ods_code_idx') throw badInput('odsCode', 'Another organisation in this tenant has that ODS code');
  if (code === '23514' && message?.includes('cannot move')) throw badInput('parentId', message.replace(/^organisation \S+ /, 'The organisation '));
  if (code === '23514' && message?.includes('ods_code')) throw badInput('odsCode', 'An ODS code is 3 to 10 capital letters or digits');
  throw error;
}

/**
 * Refuses a tree deeper than MAX_ORGANISATION_DEPTH levels (the trust is level 1): `node`
 * (with whatever is below it, when it is being moved) placed under `parentId`. The tenant's
 * tree is locked meanwhile, so two changes at once cannot pass the most between them.
 */
async function checkDepth(db: EntityManager, tenantId: string, parentId: string, node: string | null): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`directory.organisation tree ${tenantId}`]);
  const [{ above, below }]: { above: number; below: number }[] = await db.query(
    `SELECT (SELECT coalesce(max(depth), 0) FROM directory.organisation_closure WHERE descendant_id = $1)::int AS above,
            (SELECT coalesce(max(depth), 0) FROM directory.organisation_closure WHERE ancestor_id = $2)::int AS below`,
    [parentId, node],
  );
  // Levels: the parent's ancestors and the parent (above + 1), the node (1), and what is below it.
  const levels = above + 1 + 1 + below;
  if (levels > MAX_ORGANISATION_DEPTH) {
    throw badInput('parentId', `That would make the tree ${levels} levels deep; the most is ${MAX_ORGANISATION_DEPTH} (the trust is the first)`);
  }
}

/** Makes an organisation: a tenant when `parent` is null. */
export async function createOrganisation(
  db: EntityManager,
  input: { parent: Organisation | null; kind: OrganisationKind; name: string; odsCode?: string | null },
): Promise<Organisation> {
  const id = randomUUID();
  if (input.parent) await checkDepth(db, input.parent.tenantId, input.parent.id, null);
  try {
    await db.query(
      `INSERT INTO directory.organisation (id, tenant_id, parent_id, kind, name, ods_code) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.parent?.tenantId ?? id, input.parent?.id ?? null, input.kind, input.name.trim(), input.odsCode ?? null],
    );
  } catch (error) {
    explain(error);
  }
  return (await db.getRepository(Organisation).findOneBy({ id }))!;
}

/** Renames, recodes or moves an organisation within its tenant; the closure table follows a move. */
export async function updateOrganisation(
  db: EntityManager,
  organisation: Organisation,
  changes: { name?: string | null; odsCode?: string | null; parentId?: string | null; contactEmail?: string | null; privacyNoticeUrl?: string | null; logo?: string | null },
): Promise<Organisation> {
  if (changes.parentId && changes.parentId !== organisation.parentId) await checkDepth(db, organisation.tenantId, changes.parentId, organisation.id);
  const given = (value: string | null | undefined) => value !== undefined && value !== null;
  const contact = given(changes.contactEmail);
  const notice = given(changes.privacyNoticeUrl);
  const logo = given(changes.logo);
  if ((contact || notice || logo) && organisation.parentId) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `A contact, a privacy notice and a logo are set on the trust, at the top of the tree; "${organisation.name}" is inside it`, {
      field: contact ? 'contactEmail' : notice ? 'privacyNoticeUrl' : 'logo',
    });
  }
  const logoRefused = changes.logo ? logoProblem(changes.logo) : null;
  if (logoRefused) throw badInput('logo', logoRefused);
  try {
    await db.query(
      `UPDATE directory.organisation SET name = coalesce($2, name), ods_code = CASE WHEN $3::boolean THEN $4 ELSE ods_code END,
         parent_id = coalesce($5, parent_id),
         contact_email = CASE WHEN $6::boolean THEN nullif($7, '') ELSE contact_email END,
         privacy_notice_url = CASE WHEN $8::boolean THEN nullif($9, '') ELSE privacy_notice_url END,
         logo = CASE WHEN $10::boolean THEN nullif($11, '') ELSE logo END WHERE id = $1`,
      [
        organisation.id,
        changes.name?.trim() ?? null,
        changes.odsCode !== undefined,
        changes.odsCode ?? null,
        changes.parentId ?? null,
        contact,
        changes.contactEmail?.trim() ?? null,
        notice,
        changes.privacyNoticeUrl?.trim() ?? null,
        logo,
        changes.logo ?? null,
      ],
    );
  } catch (error) {
    explain(error);
  }
  return (await db.getRepository(Organisation).findOneBy({ id: organisation.id }))!;
}
