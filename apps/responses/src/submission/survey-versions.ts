import type { EntityManager } from 'typeorm';
import type { ScoringSpec } from '@harbour/survey-kit';

export interface VersionContent {
  form: Record<string, unknown>;
  scoring: ScoringSpec;
}

/** Published versions never change, so each is read once per process (the most recent 200 kept). */
const versions = new Map<string, VersionContent>();
const KEPT = 200;

/**
 * A survey version's form and scoring, through the view forms publishes. Call it only for a
 * survey and version read under the request's row-level security (an invitation's own), so
 * the cache never hands one tenant's form to another.
 */
export async function versionContent(db: EntityManager, surveyId: string, versionNumber: number): Promise<VersionContent> {
  const key = `${surveyId}:${versionNumber}`;
  const cached = versions.get(key);
  if (cached) {
    versions.delete(key);
    versions.set(key, cached);
    return cached;
  }
  const [row] = (await db.query(`SELECT json AS form, scoring FROM forms.delivery_survey_version WHERE survey_id = $1 AND version_number = $2`, [surveyId, versionNumber])) as VersionContent[];
  if (!row) throw new Error(`Survey ${surveyId} has no version ${versionNumber}`);
  versions.set(key, row);
  if (versions.size > KEPT) versions.delete(versions.keys().next().value!);
  return row;
}
