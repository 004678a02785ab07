import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { cancelRunningStatement } from '@harbour/db';
import { tenantsOf, type Caller } from './auth/caller';
import { isUuid } from './ids';

/** One request's database work: a transaction that can see only the caller's tenants. */
export interface RequestScope {
  db: EntityManager;
  /** Commits (or rolls back when `ok` is false) and returns the connection to the pool. */
  finish(ok: boolean): Promise<void>;
  /**
   * Stops the request's database work: the statement running now is cancelled in PostgreSQL,
   * and every later statement fails with `reason`. Nothing is kept: the transaction is never
   * committed; its connection is closed rather than reused when a cancel was sent, and rolled
   * back and pooled as usual when nothing was running.
   */
  cancel(reason: Error): void;
}

/** Why a request's work was stopped (RequestScope.cancel), and whether PostgreSQL was asked to cancel a statement. */
interface Stopped {
  reason?: Error;
  cancelSent?: boolean;
}

/**
 * Starts the request's transaction and sets, for it alone (`set_config(..., true)`), the
 * tenants row-level security lets it see: the caller's grants' tenants, or every tenant for a
 * platform admin. An anonymous caller sets none, so sees no tenant-owned row at all.
 *
 * With `lazy`, the connection is taken and the transaction begun only when the first
 * statement runs: a request that waits first (a sign-in checking a password) holds no
 * connection meanwhile, and one that runs none takes none. A connection that cannot be had
 * then fails that statement instead of the request's start.
 */
export async function openRequestScope(dataSource: DataSource, caller: TenantSetting, options: { lazy?: boolean } = {}): Promise<RequestScope> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const settings = tenantSettingsSql(caller);
  const query = runner.query.bind(runner);
  let begun: Promise<void> | undefined;
  let finished = false;
  const stopped: Stopped = {};
  // One round trip, not two: BEGIN and the settings in one simple-protocol query. Never after
  // the request has finished (a sibling resolver still running then would take a connection
  // that nothing gives back).
  const begin = () =>
    (begun ??= finished ? Promise.reject(new Error('The request has already finished')) : runner.connect().then(() => query(`BEGIN; ${settings}`)).then(() => undefined));
  // Tell TypeORM the transaction is open, so a nested transaction() takes a savepoint
  // instead of committing this one early.
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  oneAtATime(runner, begin, stopped);
  if (!options.lazy) {
    try {
      await begin();
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
  return {
    db: runner.manager,
    cancel(reason) {
      if (finished || stopped.reason) return;
      stopped.reason = reason;
      stopped.cancelSent = cancelRunningStatement(runner);
    },
    async finish(ok) {
      if (finished) return;
      finished = true;
      if (stopped.cancelSent) {
        // A connection still being had must be had before it can be let go.
        await begun?.catch(() => undefined);
        // Closed, not pooled: the transaction goes with it, and a late cancel lands nowhere.
        await (runner as unknown as { releasePostgresConnection(error: Error): Promise<void> }).releasePostgresConnection(stopped.reason!);
        return;
      }
      // Stopped with nothing running: rolled back below, and the connection pooled as usual.
      if (stopped.reason) ok = false;
      try {
        // Never begun (or never able to): nothing to end.
        if (begun && (await begun.then(() => true, () => false))) {
          if (ok) await runner.commitTransaction();
          else await runner.rollbackTransaction();
        }
      } finally {
        await runner.release();
      }
    },
  };
}

/**
 * Sibling fields resolve concurrently, and all use the request's one connection: their
 * statements are queued here, one after another, rather than handed to the driver together
 * (which pg deprecates).
 */
function oneAtATime(runner: QueryRunner, begin: () => Promise<void>, stopped: Stopped): void {
  const query = runner.query.bind(runner);
  let last: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const run = () =>
      stopped.reason
        ? Promise.reject(stopped.reason)
        : begin()
            .then(() => {
              if (stopped.reason) throw stopped.reason;
              return query(...args);
            })
            .catch((error: unknown) => {
              throw stopped.reason ?? error;
            });
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}

/** Work the service does for itself across tenants (verifying a credential), never on a caller's behalf. */
export const ALL_TENANTS = 'all_tenants';
export type TenantSetting = Caller | typeof ALL_TENANTS;

/**
 * The statement that sets, for the current transaction only, the tenants row-level security
 * reads. Literal values (so it can ride with BEGIN): every tenant id is checked to be a UUID.
 */
function tenantSettingsSql(caller: TenantSetting): string {
  const everywhere = caller === ALL_TENANTS || (caller.kind === 'account' && caller.platformAdmin);
  const tenants = caller === ALL_TENANTS ? [] : tenantsOf(caller);
  if (!tenants.every(isUuid)) throw new Error('A tenant id is not a UUID');
  return `SELECT set_config('harbour.tenant_ids', '{${tenants.join(',')}}', true), set_config('harbour.all_tenants', '${everywhere ? 'on' : 'off'}', true)`;
}

/**
 * Runs `work` in a transaction of its own with the given caller's tenants set, the same way a
 * request does: for work outside a GraphQL request (verifying credentials, import progress).
 */
export async function withTenants<T>(dataSource: DataSource, caller: TenantSetting, work: (db: EntityManager) => Promise<T>): Promise<T> {
  const scope = await openRequestScope(dataSource, caller);
  try {
    const result = await work(scope.db);
    await scope.finish(true);
    return result;
  } catch (error) {
    await scope.finish(false);
    throw error;
  }
}
