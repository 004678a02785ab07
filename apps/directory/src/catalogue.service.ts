import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ErrorCode, HarbourError, MAX_OWN_CATALOGUE_ENTRIES } from '@harbour/graphql-kit';

/**
 * Adds a tenant's own entry to a catalogue table (`directory.role` or `directory.setting`);
 * BAD_USER_INPUT when the code is taken nationally or in the tenant, or the tenant already
 * has MAX_OWN_CATALOGUE_ENTRIES of its own (counted under a lock, so two at once cannot pass it).
 */
export async function addCatalogueEntry(
  db: EntityManager,
  table: 'directory.role' | 'directory.setting',
  entry: { tenantId: string; code: string; name: string },
): Promise<string> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${table} ${entry.tenantId}`]);
  const [{ own }]: { own: number }[] = await db.query(`SELECT count(*)::int AS own FROM ${table} WHERE tenant_id = $1`, [entry.tenantId]);
  if (own >= MAX_OWN_CATALOGUE_ENTRIES) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `The trust already has ${own} of its own; the most is ${MAX_OWN_CATALOGUE_ENTRIES}`, { field: 'code' });
  }
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
