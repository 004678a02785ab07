import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw pseudonymous responses, for the audited export researchers may make: the pseudonym, the
 * group as snapshotted, the day answered, the answers and scores. Never anonymous or identified
 * campaigns' responses: the view holds none.
 */
export class PublishRawResponses1764101800000 implements MigrationInterface {
  name = 'PublishRawResponses1764101800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW responses.report_raw_response AS
        SELECT r.tenant_id, r.campaign_id, r.survey_id, r.version_number, r.pseudonym,
               (r.submitted_at AT TIME ZONE 'Europe/London')::date AS submitted_on,
               r.role_id, r.organisation_id, r.setting_id, r.cohort, r.tenure_months, r.answers, r.scores
        FROM responses.response r
        WHERE r.status = 'completed' AND r.anonymity = 'pseudonymous'`);
    await queryRunner.query(`GRANT SELECT ON responses.report_raw_response TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.report_raw_response`);
  }
}
