import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins counted for throttling (rate-limiter-flexible's PostgreSQL table, made here
 * so the runtime role need not create it): keys are hashes of an email and a client address,
 * never either in the clear. The per-account lock it replaces (ten wrong passwords locked the
 * right one out for everyone) goes.
 */
export class SignInThrottle1764102000000 implements MigrationInterface {
  name = 'SignInThrottle1764102000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE directory.sign_in_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query(`ALTER TABLE directory.account_identity DROP COLUMN failed_attempts, DROP COLUMN locked_until`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE directory.account_identity ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
    await queryRunner.query(`DROP TABLE directory.sign_in_throttle`);
  }
}
