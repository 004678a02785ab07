import type { Logger } from 'typeorm';

/** What every request does whatever it asks: its transaction and tenant settings. */
const REQUEST_FRAME = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)|^SELECT set_config\('harbour\.tenant_ids'/;

/**
 * A TypeORM logger that records every SQL statement a request's work runs (not the
 * transaction and tenant settings around it), to prove queries are batched.
 */
export class QueryCounter implements Logger {
  readonly queries: string[] = [];

  logQuery(query: string): void {
    if (!REQUEST_FRAME.test(query)) this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  reset(): void {
    this.queries.length = 0;
  }
}
