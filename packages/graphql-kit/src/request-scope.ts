import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { tenantsOf, type Caller } from './auth/caller';

/** One request's database work: a transaction that can see only the caller's tenants. */
export interface RequestScope {
  db: EntityManager;
  /** Commits (or rolls back when `ok` is false) and returns the connection to the pool. */
  finish(ok: boolean): Promise<void>;
}

/**
 * Starts the request's transaction and sets, for it alone (`set_config(..., true)`), the
 * tenants row-level security lets it see: the caller's grants' tenants, or every tenant for a
 * platform admin. An anonymous caller sets none, so sees no tenant-owned row at all.
 */
export async function openRequestScope(dataSource: DataSource, caller: Caller): Promise<RequestScope> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    await setTenants(runner.manager, caller);
  } catch (error) {
    await runner.release();
    throw error;
  }
  let finished = false;
  return {
    db: runner.manager,
    async finish(ok) {
      if (finished) return;
      finished = true;
      try {
        if (ok) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    },
  };
}

/** Work the service does for itself across tenants (verifying a credential), never on a caller's behalf. */
export const ALL_TENANTS = 'all_tenants';
export type TenantSetting = Caller | typeof ALL_TENANTS;

/** Sets the tenant settings row-level security reads, for the current transaction only. */
export async function setTenants(db: EntityManager, caller: TenantSetting): Promise<void> {
  const everywhere = caller === ALL_TENANTS || (caller.kind === 'account' && caller.platformAdmin);
  await db.query(`SELECT set_config('harbour.tenant_ids', $1, true), set_config('harbour.all_tenants', $2, true)`, [
    `{${caller === ALL_TENANTS ? '' : tenantsOf(caller).join(',')}}`,
    everywhere ? 'on' : 'off',
  ]);
}

/**
 * Runs `work` in a transaction of its own with the given caller's tenants set: for work
 * outside a GraphQL request (sign-in, imports, background jobs).
 */
export function withTenants<T>(dataSource: DataSource, caller: TenantSetting, work: (db: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (db) => {
    await setTenants(db, caller);
    return work(db);
  });
}
