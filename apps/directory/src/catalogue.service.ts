import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError } from '@harbour/graphql-kit';

/**
 * Adds a tenant's own entry to a catalogue table (`directory.role` or `directory.setting`);
 * BAD_USER_INPUT when the code is taken nationally or in the tenant.
 */
export async function addCatalogueEntry(
  db: EntityManager,
  table: 'directory.role' | 'directory.setting',
  entry: { tenantId: string; code: string; name: string },
): Promise<string> {
  const taken: unknown[] = await db.query(`SELECT 1 FROM ${table} WHERE code = $1 AND (tenant_id IS NULL OR tenant_id = $2)`, [
    entry.code,
    entry.tenantId,
  ]);
  if (taken.length) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `The code ${entry.code} is already in use`, { field: 'code' });
  }
  const id = randomUUID();
  await db.query(`INSERT INTO ${table} (id, tenant_id, code, name) VALUES ($1, $2, $3, $4)`, [id, entry.tenantId, entry.code, entry.name.trim()]);
  return id;
}

/** National entries first, then tenants' own, each by name. */
export function catalogueOrder(alias: string): string {
  return `${alias}.tenant_id NULLS FIRST, ${alias}.name, ${alias}.id`;
}
