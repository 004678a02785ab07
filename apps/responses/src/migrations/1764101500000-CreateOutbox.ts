import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * Messages to respondents: one invitation and at most one reminder per invitation (so nobody
 * gets the same message twice). PENDING ones go to the SMTP server one at a time: SENDING
 * while the server is asked, SENT (the link taken out of the stored body) or FAILED after.
 * A message left SENDING by a sender that stopped is marked UNKNOWN and never sent again.
 * With no SMTP server they are HELD: the outbox admins read.
 */
export class CreateOutbox1764101500000 implements MigrationInterface {
  name = 'CreateOutbox1764101500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.outbox (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('invitation', 'reminder')),
        recipient text NOT NULL CHECK (length(recipient) <= 254),
        subject text NOT NULL,
        body text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'held')),
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz,
        error text,
        UNIQUE (invitation_id, kind),
        FOREIGN KEY (invitation_id, tenant_id) REFERENCES responses.invitation (id, tenant_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX outbox_pending_idx ON responses.outbox (created_at) WHERE state = 'pending'`);
    await queryRunner.query(`CREATE INDEX outbox_tenant_idx ON responses.outbox (tenant_id, created_at DESC)`);
    for (const statement of tenantIsolation('responses.outbox').up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE responses.outbox`);
  }
}
