import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * What happened to a campaign's responses, counted per day and never per person: one row is
 * appended per submission, withdrawal or erasure, holding only its campaign, its day and
 * whether it came through a released link (no response, invitation, person, time or client).
 * The directory's audit log reads the counts per campaign and day through
 * `audit_campaign_activity`, shaped as an audit event, for platform admins.
 */
export class CampaignActivity1764102000000 implements MigrationInterface {
  name = 'CampaignActivity1764102000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.campaign_activity (
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('submitted', 'withdrawn', 'erased')),
        via_released_link boolean NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX campaign_activity_idx ON responses.campaign_activity (tenant_id, campaign_id, day)`);
    for (const statement of tenantIsolation('responses.campaign_activity').up) await queryRunner.query(statement);
    await queryRunner.query(`
      CREATE VIEW responses.audit_campaign_activity AS
        SELECT md5(a.tenant_id::text || a.campaign_id::text || a.day::text)::uuid AS id, a.tenant_id, NULL::uuid AS organisation_id,
               ((a.day + 1)::timestamp AT TIME ZONE 'Europe/London') - interval '1 millisecond' AS occurred_at,
               NULL::uuid AS actor_id, NULL::text AS credential, NULL::text AS client, NULL::text AS request_id,
               'campaign.responses'::text AS action, 'campaign'::text AS target_type, a.campaign_id::text AS target_id,
               jsonb_build_object(
                 'day', a.day,
                 'submitted', count(*) FILTER (WHERE a.kind = 'submitted'),
                 'throughReleasedLinks', count(*) FILTER (WHERE a.kind = 'submitted' AND a.via_released_link),
                 'withdrawn', count(*) FILTER (WHERE a.kind = 'withdrawn'),
                 'erased', count(*) FILTER (WHERE a.kind = 'erased')) AS details
        FROM responses.campaign_activity a
        GROUP BY a.tenant_id, a.campaign_id, a.day`);
    await queryRunner.query(`GRANT SELECT ON responses.audit_campaign_activity TO harbour_directory`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW responses.audit_campaign_activity`);
    await queryRunner.query(`DROP TABLE responses.campaign_activity`);
  }
}
