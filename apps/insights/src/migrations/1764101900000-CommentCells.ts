import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A third partition of each tenant's responses, for comments: groups of at least the comments
 * minimum, so the comments of any two filters differ only by whole groups of that size.
 */
export class CommentCells1764101900000 implements MigrationInterface {
  name = 'CommentCells1764101900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE insights.report_cell DROP CONSTRAINT report_cell_population_check`);
    await queryRunner.query(`ALTER TABLE insights.report_cell ADD CONSTRAINT report_cell_population_check CHECK (population IN ('responses', 'invitations', 'comments'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM insights.report_cell WHERE population = 'comments'`);
    await queryRunner.query(`ALTER TABLE insights.report_cell DROP CONSTRAINT report_cell_population_check`);
    await queryRunner.query(`ALTER TABLE insights.report_cell ADD CONSTRAINT report_cell_population_check CHECK (population IN ('responses', 'invitations'))`);
  }
}
