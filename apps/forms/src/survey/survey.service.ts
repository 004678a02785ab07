import type { EntityManager } from 'typeorm';
import { pagesPerParent, type Page } from '@harbour/graphql-kit';
import { Survey } from './survey.entity';
import type { ScoringSpec } from '@harbour/survey-kit';
import type { SurveyStatus } from './survey-status';

/** Surveys by id, for loaders. */
export function surveysByIds(db: EntityManager, ids: readonly string[]): Promise<Survey[]> {
  return db.getRepository(Survey).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
}

interface SurveyRow {
  id: string;
  tenant_id: string;
  organisation_id: string;
  title: string;
  status: SurveyStatus;
  instrument_code: string | null;
  instrument_version: number | null;
  draft: Record<string, unknown>;
  draft_scoring: ScoringSpec;
}

/** A page of each organisation's own surveys, by title (keyset on title, id), in one query. */
export function surveysOfOrganisations(
  db: EntityManager,
  organisationIds: readonly string[],
  page: { first: number; after?: string | null },
): Promise<Page<Survey>[]> {
  return pagesPerParent<SurveyRow, Survey>(db, organisationIds, page, {
    table: 'forms.survey',
    parentColumn: 'organisation_id',
    order: [
      { sql: 't.title', part: 'text' },
      { sql: 't.id', part: 'uuid' },
    ],
    direction: 'ASC',
    map: (row) =>
      Object.assign(new Survey(), {
        id: row.id,
        tenantId: row.tenant_id,
        organisationId: row.organisation_id,
        title: row.title,
        status: row.status,
        instrumentCode: row.instrument_code,
        instrumentVersion: row.instrument_version,
        draft: row.draft,
        draftScoring: row.draft_scoring,
      }),
    parentOf: (s) => s.organisationId,
    cursorOf: (s) => [s.title, s.id],
  });
}
