import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An anonymous submission writes its response and marks its invitation completed in one
 * transaction, so both rows carry that transaction's id (`xmin`), which a database reader could
 * pair. `restamped` is false from then until the delivery clock rewrites every completed
 * invitation of that campaign in one transaction of its own (restampAnonymousCompletions).
 * The answers' hash is no longer kept on an anonymous invitation (anyone with the tables could
 * hash each response's answers and find whose invitation matches), nor, for invitations an
 * import wrote, the day answered; and an anonymous response keeps its tenure band, not the
 * exact months (which, with its day, would give the start month on the invitation).
 */
export class RestampAnonymousCompletions1764102100000 implements MigrationInterface {
  name = 'RestampAnonymousCompletions1764102100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responses.invitation ADD COLUMN restamped boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`CREATE INDEX invitation_restamp_idx ON responses.invitation (campaign_id) WHERE NOT restamped`);
    // What is there already: one rewrite of every anonymous invitation, in this one transaction.
    await queryRunner.query(`UPDATE responses.invitation SET submission_hash = NULL, completed_on = NULL, restamped = true WHERE anonymity = 'anonymous'`);
    // An anonymous response keeps its tenure band only (its fewest months), as the rollups already do.
    await queryRunner.query(`
      UPDATE responses.response SET tenure_months = CASE WHEN tenure_months < 3 THEN 0 WHEN tenure_months < 6 THEN 3 WHEN tenure_months < 12 THEN 6 WHEN tenure_months < 24 THEN 12 ELSE 24 END
      WHERE anonymity = 'anonymous'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responses.invitation DROP COLUMN restamped`);
  }
}
