import type { Logger } from 'typeorm';

/** A TypeORM logger that records every SQL statement, to prove queries are batched. */
export class QueryCounter implements Logger {
  readonly queries: string[] = [];

  logQuery(query: string): void {
    this.queries.push(query);
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
