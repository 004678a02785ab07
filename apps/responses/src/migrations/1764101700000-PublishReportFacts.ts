import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reports need beyond the rollups, published to insights:
 * - `report_invitation`: invitations counted (invited, completed) per group as snapshotted,
 *   by the month the campaign opened to them: aggregates only, no person;
 * - `report_comment`: answers to comment questions with the group they came from, no person or time
 *   finer than the month;
 * - `report_retention`: per pseudonymous response, its group, its belonging score and whether
 *   the person left within 6 and 12 months of answering (null until that long has passed).
 */
export class PublishReportFacts1764101700000 implements MigrationInterface {
  name = 'PublishReportFacts1764101700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Months in post as reports band them, the same as survey-kit's tenureBand.
    await queryRunner.query(`
      CREATE FUNCTION responses.tenure_band(months integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN months < 3 THEN '0-3' WHEN months < 6 THEN '3-6' WHEN months < 12 THEN '6-12' WHEN months < 24 THEN '12-24' ELSE '24+' END
      $$`);
    await queryRunner.query(`
      CREATE VIEW responses.report_invitation AS
        SELECT i.tenant_id, i.campaign_id, i.survey_id, i.organisation_id, i.role_id, i.setting_id, i.cohort,
               responses.tenure_band((extract(year FROM age(i.opens_on, i.started_on)) * 12 + extract(month FROM age(i.opens_on, i.started_on)))::int) AS tenure_band,
               date_trunc('month', i.opens_on)::date AS month,
               count(*)::int AS invited, count(*) FILTER (WHERE i.state = 'completed')::int AS completed
        FROM responses.invitation i
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
    await queryRunner.query(`
      CREATE VIEW responses.report_comment AS
        SELECT r.tenant_id, r.campaign_id, r.survey_id, r.organisation_id, r.role_id, r.setting_id, r.cohort,
               responses.tenure_band(r.tenure_months) AS tenure_band,
               date_trunc('month', r.submitted_at AT TIME ZONE 'Europe/London')::date AS month,
               a.key AS question, a.value #>> '{}' AS text
        FROM responses.response r
        JOIN forms.delivery_survey_version v ON v.survey_id = r.survey_id AND v.version_number = r.version_number
        CROSS JOIN LATERAL jsonb_each(r.answers) a
        WHERE r.status = 'completed' AND r.campaign_id IS NOT NULL AND jsonb_typeof(a.value) = 'string'
          AND length(btrim(a.value #>> '{}')) > 0
          AND jsonb_path_exists(v.json, '$.pages[*].elements[*] ? (@.name == $q && @.type == "comment")', jsonb_build_object('q', a.key))`);
    await queryRunner.query(`
      CREATE VIEW responses.report_retention AS
        SELECT r.tenant_id, r.campaign_id, r.survey_id, r.organisation_id, r.role_id, r.setting_id, r.cohort,
               responses.tenure_band(r.tenure_months) AS tenure_band,
               date_trunc('month', r.submitted_at AT TIME ZONE 'Europe/London')::date AS month,
               (SELECT (s->>'score')::float8 FROM jsonb_array_elements(r.scores) s WHERE s->>'code' = 'belonging') AS belonging,
               CASE WHEN s.left_on IS NOT NULL AND s.left_on <= (r.submitted_at AT TIME ZONE 'Europe/London')::date + 183 THEN true
                    WHEN current_date >= (r.submitted_at AT TIME ZONE 'Europe/London')::date + 183 THEN false END AS left_within_6,
               CASE WHEN s.left_on IS NOT NULL AND s.left_on <= (r.submitted_at AT TIME ZONE 'Europe/London')::date + 365 THEN true
                    WHEN current_date >= (r.submitted_at AT TIME ZONE 'Europe/London')::date + 365 THEN false END AS left_within_12
        FROM responses.response r
        JOIN responses.invitation i ON i.id = r.invitation_id
        JOIN directory.staff_audience s ON s.staff_id = i.staff_id
        WHERE r.status = 'completed' AND r.anonymity = 'pseudonymous'`);
    await queryRunner.query(`GRANT SELECT ON responses.report_invitation, responses.report_comment, responses.report_retention TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.report_retention`);
    await queryRunner.query(`DROP VIEW responses.report_comment`);
    await queryRunner.query(`DROP VIEW responses.report_invitation`);
    await queryRunner.query(`DROP FUNCTION responses.tenure_band(integer)`);
  }
}
