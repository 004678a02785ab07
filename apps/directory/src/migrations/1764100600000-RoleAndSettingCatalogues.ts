import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolation } from '@harbour/db';

/**
 * The national catalogues every install starts with: the new roles (the Additional Roles
 * Reimbursement Scheme's and mental health's) and the settings (service lines) staff work in.
 * Tenants add their own beside them. National ids are md5('harbour.role.' || code) (and
 * 'harbour.setting.'), so the same role has the same id everywhere.
 */
const ROLES: [code: string, name: string, family: string][] = [
  ['clinical_pharmacist', 'Clinical pharmacist', 'additional_roles'],
  ['pharmacy_technician', 'Pharmacy technician', 'additional_roles'],
  ['first_contact_physiotherapist', 'First contact physiotherapist', 'additional_roles'],
  ['dietitian', 'Dietitian', 'additional_roles'],
  ['podiatrist', 'Podiatrist', 'additional_roles'],
  ['occupational_therapist', 'Occupational therapist', 'additional_roles'],
  ['paramedic', 'Paramedic', 'additional_roles'],
  ['physician_associate', 'Physician associate', 'additional_roles'],
  ['nursing_associate', 'Nursing associate', 'additional_roles'],
  ['trainee_nursing_associate', 'Trainee nursing associate', 'additional_roles'],
  ['social_prescribing_link_worker', 'Social prescribing link worker', 'additional_roles'],
  ['care_coordinator', 'Care coordinator', 'additional_roles'],
  ['health_and_wellbeing_coach', 'Health and wellbeing coach', 'additional_roles'],
  ['mental_health_practitioner', 'Mental health practitioner', 'additional_roles'],
  ['digital_and_transformation_lead', 'Digital and transformation lead', 'additional_roles'],
  ['advanced_practitioner', 'Advanced practitioner', 'additional_roles'],
  ['general_practice_assistant', 'General practice assistant', 'additional_roles'],
  ['peer_support_worker', 'Peer support worker', 'mental_health'],
  ['associate_psychological_practitioner', 'Associate psychological practitioner', 'mental_health'],
  ['mental_health_wellbeing_practitioner', 'Mental health and wellbeing practitioner', 'mental_health'],
  ['children_wellbeing_practitioner', "Children's wellbeing practitioner", 'mental_health'],
  ['education_mental_health_practitioner', 'Education mental health practitioner', 'mental_health'],
  ['advanced_clinical_practitioner', 'Advanced clinical practitioner', 'acute_and_community'],
  ['anaesthesia_associate', 'Anaesthesia associate', 'acute_and_community'],
];

const SETTINGS: [code: string, name: string][] = [
  ['community', 'Community'],
  ['inpatient', 'Inpatient'],
  ['urgent_care', 'Urgent and crisis care'],
  ['early_intervention_in_psychosis', 'Early intervention in psychosis'],
  ['perinatal', 'Perinatal'],
  ['forensic', 'Forensic'],
  ['older_adult', 'Older adult'],
  ['children_and_young_people', 'Children and young people'],
  ['learning_disability_and_autism', 'Learning disability and autism'],
  ['general_practice', 'General practice'],
  ['acute_hospital', 'Acute hospital'],
];

export class RoleAndSettingCatalogues1764100600000 implements MigrationInterface {
  name = 'RoleAndSettingCatalogues1764100600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE directory.role ADD COLUMN family text NOT NULL DEFAULT 'local'
        CHECK (family IN ('additional_roles', 'mental_health', 'acute_and_community', 'local'))`);
    for (const [code, name, family] of ROLES) {
      await queryRunner.query(
        `INSERT INTO directory.role (id, tenant_id, code, name, family) VALUES (md5('harbour.role.' || $1)::uuid, NULL, $1, $2, $3)
         ON CONFLICT (code) WHERE tenant_id IS NULL DO UPDATE SET family = EXCLUDED.family`,
        [code, name, family],
      );
    }
    await queryRunner.query(`
      CREATE TABLE directory.setting (
        id uuid PRIMARY KEY,
        tenant_id uuid REFERENCES directory.organisation (id) ON DELETE CASCADE,
        code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX setting_national_code_idx ON directory.setting (code) WHERE tenant_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX setting_tenant_code_idx ON directory.setting (tenant_id, code) WHERE tenant_id IS NOT NULL`);
    for (const statement of tenantIsolation('directory.setting').up) await queryRunner.query(statement);
    await queryRunner.query(`CREATE POLICY national_settings_readable ON directory.setting FOR SELECT USING (tenant_id IS NULL)`);
    for (const [code, name] of SETTINGS) {
      await queryRunner.query(
        `INSERT INTO directory.setting (id, tenant_id, code, name) VALUES (md5('harbour.setting.' || $1)::uuid, NULL, $1, $2)`,
        [code, name],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE directory.setting`);
    await queryRunner.query(`DELETE FROM directory.role WHERE tenant_id IS NULL AND id = md5('harbour.role.' || code)::uuid`);
    await queryRunner.query(`ALTER TABLE directory.role DROP COLUMN family`);
  }
}
