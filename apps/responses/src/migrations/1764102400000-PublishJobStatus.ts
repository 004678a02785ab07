import type { MigrationInterface, QueryRunner } from 'typeorm';
import { jobStatusView } from '@harbour/db';

/** The responses subgraph's job queues (pg-boss, in responses_jobs), counted per queue for operators: published to the directory, which answers `backgroundJobs`. */
export class PublishJobStatus1764102400000 implements MigrationInterface {
  name = 'PublishJobStatus1764102400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of jobStatusView('responses').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of jobStatusView('responses').down) await queryRunner.query(statement);
  }
}
