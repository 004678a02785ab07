import type { MigrationInterface, QueryRunner } from 'typeorm';

/** insights may read the published view of completed responses, and nothing else here. */
export class PublishResponseFactsToInsights1764000400000 implements MigrationInterface {
  name = 'PublishResponseFactsToInsights1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT USAGE ON SCHEMA responses TO harbour_insights`);
    await queryRunner.query(`GRANT SELECT ON responses.completed_response_facts TO harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT ON responses.completed_response_facts FROM harbour_insights`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA responses FROM harbour_insights`);
  }
}
