import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * Invitations (one per person per campaign round, with a snapshot of who they were then and
 * their draft), the links that open them (only a SHA-256 of each token), each tenant's
 * pseudonym key, and what a response keeps of its campaign, respondent and scores.
 */
export class CreateInvitations1764101400000 implements MigrationInterface {
  name = 'CreateInvitations1764101400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE responses.invitation (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        -- Recurring campaigns ask again each round (0, 1, ...); others once.
        round integer NOT NULL DEFAULT 0 CHECK (round >= 0),
        staff_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        version_number integer NOT NULL,
        anonymity text NOT NULL CHECK (anonymity IN ('anonymous', 'pseudonymous', 'identified')),
        -- Who they were when invited, so history never shifts.
        role_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        setting_id uuid,
        cohort text,
        started_on date NOT NULL,
        opens_on date NOT NULL,
        closes_on date NOT NULL CHECK (closes_on >= opens_on),
        state text NOT NULL DEFAULT 'invited' CHECK (state IN ('invited', 'started', 'completed', 'withdrawn')),
        draft_answers jsonb,
        draft_page integer,
        draft_saved_at timestamptz,
        submission_key text CHECK (length(submission_key) <= 100),
        submission_hash text,
        completed_on date,
        response_id uuid,
        created_on date NOT NULL DEFAULT current_date,
        UNIQUE (campaign_id, round, staff_id),
        UNIQUE (id, tenant_id)
      )`);
    await queryRunner.query(`CREATE INDEX invitation_campaign_idx ON responses.invitation (tenant_id, campaign_id, state)`);
    await queryRunner.query(`
      CREATE TABLE responses.invitation_link (
        token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
        tenant_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (invitation_id, tenant_id) REFERENCES responses.invitation (id, tenant_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX invitation_link_invitation_idx ON responses.invitation_link (invitation_id)`);
    await queryRunner.query(`
      CREATE TABLE responses.pseudonym_key (
        tenant_id uuid PRIMARY KEY,
        key bytea NOT NULL CHECK (length(key) = 32)
      )`);
    // What reports read: per campaign, month and respondent group (as snapshotted), per measure,
    // the count, total and total of squares of the values, and how many were favourable.
    // Measures: responses (1 each), construct:<code> (0 to 10), choice:<question>:<value> (1 each).
    await queryRunner.query(`
      CREATE TABLE responses.rollup (
        tenant_id uuid NOT NULL,
        campaign_id uuid NOT NULL,
        survey_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        organisation_id uuid NOT NULL,
        role_id uuid NOT NULL,
        setting_id uuid,
        cohort text,
        tenure_band text NOT NULL CHECK (tenure_band IN ('0-3', '3-6', '6-12', '12-24', '24+')),
        measure text NOT NULL,
        n integer NOT NULL CHECK (n >= 0),
        total double precision NOT NULL,
        total_sq double precision NOT NULL,
        favourable integer NOT NULL CHECK (favourable >= 0)
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX rollup_cell_idx ON responses.rollup (tenant_id, campaign_id, month, organisation_id, role_id,
        (coalesce(setting_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(cohort, '')), tenure_band, measure)`);
    for (const table of ['responses.invitation', 'responses.invitation_link', 'responses.pseudonym_key', 'responses.rollup']) {
      for (const statement of tenantIsolation(table).up) await queryRunner.query(statement);
    }
    // A link is the respondent's only credential: the one link whose token hash the transaction
    // names in harbour.link_hash is readable, in whichever tenant it is. Knowing a token's hash
    // is knowing the token (256 random bits).
    await queryRunner.query(`
      CREATE POLICY link_by_token ON responses.invitation_link FOR SELECT
      USING (token_hash = decode(coalesce(nullif(current_setting('harbour.link_hash', true), ''), '00'), 'hex'))`);

    await queryRunner.query(`
      ALTER TABLE responses.response
        ADD COLUMN campaign_id uuid,
        ADD COLUMN version_number integer,
        ADD COLUMN anonymity text CHECK (anonymity IN ('anonymous', 'pseudonymous', 'identified')),
        ADD COLUMN invitation_id uuid,
        ADD COLUMN staff_id uuid,
        ADD COLUMN pseudonym text,
        ADD COLUMN setting_id uuid,
        ADD COLUMN cohort text,
        ADD COLUMN tenure_months integer CHECK (tenure_months >= 0),
        ADD COLUMN scores jsonb NOT NULL DEFAULT '{}'::jsonb,
        -- An anonymous response keeps nothing that leads back to its invitation or person.
        ADD CONSTRAINT response_anonymous_unlinked CHECK (
          anonymity IS DISTINCT FROM 'anonymous' OR (invitation_id IS NULL AND staff_id IS NULL AND pseudonym IS NULL)),
        ADD CONSTRAINT response_identified_only CHECK (staff_id IS NULL OR anonymity = 'identified')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE responses.response DROP CONSTRAINT response_identified_only, DROP CONSTRAINT response_anonymous_unlinked,
        DROP COLUMN scores, DROP COLUMN tenure_months, DROP COLUMN cohort, DROP COLUMN setting_id, DROP COLUMN pseudonym,
        DROP COLUMN staff_id, DROP COLUMN invitation_id, DROP COLUMN anonymity, DROP COLUMN version_number, DROP COLUMN campaign_id`);
    await queryRunner.query(`DROP TABLE responses.rollup`);
    await queryRunner.query(`DROP TABLE responses.pseudonym_key`);
    await queryRunner.query(`DROP TABLE responses.invitation_link`);
    await queryRunner.query(`DROP TABLE responses.invitation`);
  }
}
