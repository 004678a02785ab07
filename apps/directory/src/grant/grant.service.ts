import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ALL_TENANTS, ErrorCode, HarbourError, LIST_SIZES, withTenants } from '@harbour/graphql-kit';
import { GrantRoleValue } from './grant-role';
import { Grant } from './grant.entity';

/** The most grants one account holds. */
export const MAX_GRANTS = LIST_SIZES['Account.grants'];

/** Each account's grants that this request can see (row-level security keeps them to its tenants). */
export async function grantsOfAccounts(db: EntityManager, accountIds: readonly string[]): Promise<Grant[]> {
  return db
    .getRepository(Grant)
    .createQueryBuilder('g')
    .where('g.account_id = ANY(:accountIds)', { accountIds })
    .orderBy('g.created_at')
    .addOrderBy('g.id')
    .getMany();
}

/**
 * Who may give which grant: nobody gives a role to their own account (a trust admin could
 * otherwise make themselves a researcher, or an evaluator of what they manage), and only a
 * platform admin gives RESEARCHER, the one grant that lets raw rows leave Harbour.
 */
export function checkGrantable(granter: { accountId: string; platformAdmin: boolean }, grantee: { accountId: string }, role: GrantRoleValue): void {
  if (granter.accountId === grantee.accountId) {
    throw new HarbourError(ErrorCode.FORBIDDEN, 'You cannot give a grant to your own account: ask another admin', { field: 'email', reason: 'SELF_GRANT' });
  }
  if (role === GrantRoleValue.RESEARCHER && !granter.platformAdmin) {
    throw new HarbourError(ErrorCode.FORBIDDEN, 'Only a platform admin can give a researcher grant: it lets raw responses leave Harbour', { field: 'role', reason: 'RESEARCHER_BY_PLATFORM_ADMIN' });
  }
}

/** Gives an account a role on an organisation, if {@link checkGrantable} allows it; the same grant twice is one grant. */
export async function grantAccess(
  db: EntityManager,
  input: { email: string; organisationId: string; tenantId: string; role: GrantRoleValue; grantedBy: string; granterIsPlatformAdmin: boolean },
): Promise<Grant> {
  const [account]: { id: string }[] = await db.query(`SELECT id FROM directory.account WHERE email = $1`, [input.email.trim().toLowerCase()]);
  if (!account) {
    throw new HarbourError(ErrorCode.NOT_FOUND, `No account has the email ${input.email.trim()}: create the account first`, { field: 'email' });
  }
  checkGrantable({ accountId: input.grantedBy, platformAdmin: input.granterIsPlatformAdmin }, { accountId: account.id }, input.role);
  // The account's row is locked while its grants are counted, so two grants at once cannot pass
  // the most; counted in every trust (the granter's transaction sees only their own trusts'), in
  // a transaction of its own that sees what others have committed.
  await db.query(`SELECT 1 FROM directory.account WHERE id = $1 FOR UPDATE`, [account.id]);
  const [{ held }]: { held: number }[] = await withTenants(db.connection, ALL_TENANTS, (everywhere) =>
    everywhere.query(`SELECT count(*)::int AS held FROM directory.access_grant WHERE account_id = $1 AND NOT (organisation_id = $2 AND role = $3)`, [
      account.id,
      input.organisationId,
      input.role,
    ]),
  );
  if (held >= MAX_GRANTS) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `${input.email.trim()} already holds ${held} grants; the most is ${MAX_GRANTS}: take one away first`, { field: 'email' });
  }
  await db.query(
    `INSERT INTO directory.access_grant (id, tenant_id, account_id, organisation_id, role, granted_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, organisation_id, role) DO NOTHING`,
    [randomUUID(), input.tenantId, account.id, input.organisationId, input.role, input.grantedBy],
  );
  return (await db.getRepository(Grant).findOneBy({ accountId: account.id, organisationId: input.organisationId, role: input.role }))!;
}

export function grantById(db: EntityManager, id: string): Promise<Grant | null> {
  return db.getRepository(Grant).findOneBy({ id });
}

export async function revokeGrant(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM directory.access_grant WHERE id = $1`, [id]);
}
