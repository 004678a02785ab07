import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every ancestor–descendant pair of the organisation tree, kept by triggers, so a subtree is
 * one indexed lookup at any depth. Published read-only to the other subgraphs as
 * `organisation_ancestry`: it is how they check a grant on a subtree.
 */
export class OrganisationClosure1764100000000 implements MigrationInterface {
  name = 'OrganisationClosure1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A child sits in its parent's tenant: the pair (parent, tenant) must exist.
    await queryRunner.query(`ALTER TABLE directory.organisation ADD CONSTRAINT organisation_id_tenant_key UNIQUE (id, tenant_id)`);
    await queryRunner.query(`
      ALTER TABLE directory.organisation ADD CONSTRAINT organisation_parent_same_tenant
        FOREIGN KEY (parent_id, tenant_id) REFERENCES directory.organisation (id, tenant_id)`);
    await queryRunner.query(`
      CREATE TABLE directory.organisation_closure (
        tenant_id uuid NOT NULL,
        ancestor_id uuid NOT NULL REFERENCES directory.organisation (id) ON DELETE CASCADE,
        descendant_id uuid NOT NULL REFERENCES directory.organisation (id) ON DELETE CASCADE,
        depth integer NOT NULL CHECK (depth >= 0),
        PRIMARY KEY (ancestor_id, descendant_id)
      )`);
    await queryRunner.query(`CREATE INDEX organisation_closure_descendant_idx ON directory.organisation_closure (descendant_id, ancestor_id)`);
    await queryRunner.query(`
      CREATE FUNCTION directory.organisation_closure_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO directory.organisation_closure (tenant_id, ancestor_id, descendant_id, depth)
          SELECT NEW.tenant_id, NEW.id, NEW.id, 0
          UNION ALL
          SELECT NEW.tenant_id, c.ancestor_id, NEW.id, c.depth + 1
          FROM directory.organisation_closure c WHERE c.descendant_id = NEW.parent_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER organisation_closure_insert AFTER INSERT ON directory.organisation
        FOR EACH ROW EXECUTE FUNCTION directory.organisation_closure_insert()`);
    await queryRunner.query(`
      CREATE FUNCTION directory.organisation_closure_move() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tenant_id <> OLD.tenant_id THEN
          RAISE EXCEPTION 'organisation % cannot move to another tenant', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.parent_id IS NULL OR OLD.parent_id IS NULL THEN
          RAISE EXCEPTION 'organisation % cannot become or stop being a tenant', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        IF EXISTS (SELECT 1 FROM directory.organisation_closure WHERE ancestor_id = NEW.id AND descendant_id = NEW.parent_id) THEN
          RAISE EXCEPTION 'organisation % cannot move below itself', NEW.id USING ERRCODE = 'check_violation';
        END IF;
        -- Unlink the subtree from its old ancestors, then link it below the new parent.
        DELETE FROM directory.organisation_closure c
          USING directory.organisation_closure sub, directory.organisation_closure sup
          WHERE sub.ancestor_id = NEW.id AND c.descendant_id = sub.descendant_id
            AND sup.descendant_id = NEW.id AND sup.ancestor_id <> NEW.id AND c.ancestor_id = sup.ancestor_id;
        INSERT INTO directory.organisation_closure (tenant_id, ancestor_id, descendant_id, depth)
          SELECT NEW.tenant_id, sup.ancestor_id, sub.descendant_id, sup.depth + sub.depth + 1
          FROM directory.organisation_closure sup, directory.organisation_closure sub
          WHERE sup.descendant_id = NEW.parent_id AND sub.ancestor_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER organisation_closure_move AFTER UPDATE OF parent_id, tenant_id ON directory.organisation
        FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.tenant_id <> NEW.tenant_id)
        EXECUTE FUNCTION directory.organisation_closure_move()`);
    // Organisations made before this migration.
    await queryRunner.query(`
      INSERT INTO directory.organisation_closure (tenant_id, ancestor_id, descendant_id, depth)
      WITH RECURSIVE up AS (
        SELECT id AS descendant_id, id AS ancestor_id, parent_id, tenant_id, 0 AS depth FROM directory.organisation
        UNION ALL
        SELECT up.descendant_id, o.id, o.parent_id, up.tenant_id, up.depth + 1
        FROM up JOIN directory.organisation o ON o.id = up.parent_id
      )
      SELECT tenant_id, ancestor_id, descendant_id, depth FROM up`);
    await queryRunner.query(`
      CREATE VIEW directory.organisation_ancestry AS
        SELECT tenant_id, ancestor_id, descendant_id, depth FROM directory.organisation_closure`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA directory TO harbour_forms, harbour_responses, harbour_insights`);
    await queryRunner.query(`GRANT SELECT ON directory.organisation_ancestry TO harbour_forms, harbour_responses, harbour_insights`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE SELECT ON directory.organisation_ancestry FROM harbour_forms, harbour_responses, harbour_insights`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA directory FROM harbour_forms, harbour_responses, harbour_insights`);
    await queryRunner.query(`DROP VIEW directory.organisation_ancestry`);
    await queryRunner.query(`DROP TRIGGER organisation_closure_move ON directory.organisation`);
    await queryRunner.query(`DROP FUNCTION directory.organisation_closure_move()`);
    await queryRunner.query(`DROP TRIGGER organisation_closure_insert ON directory.organisation`);
    await queryRunner.query(`DROP FUNCTION directory.organisation_closure_insert()`);
    await queryRunner.query(`DROP TABLE directory.organisation_closure`);
    await queryRunner.query(`ALTER TABLE directory.organisation DROP CONSTRAINT organisation_parent_same_tenant`);
    await queryRunner.query(`ALTER TABLE directory.organisation DROP CONSTRAINT organisation_id_tenant_key`);
  }
}
