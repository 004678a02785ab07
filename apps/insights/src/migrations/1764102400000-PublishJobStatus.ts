import type { MigrationInterface, QueryRunner } from 'typeorm';
import { jobStatusView } from '@harbour/db';

/** The insights subgraph's job queues (pg-boss, in insights_jobs), counted per queue for operators: published to the directory, which answers `backgroundJobs`. */
export class PublishJobStatus1764102400000 implements MigrationInterface {
  name = 'PublishJobStatus1764102400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of jobStatusView('insights').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of jobStatusView('insights').down) await queryRunner.query(statement);
  }
}
