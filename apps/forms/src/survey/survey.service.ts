import type { EntityManager } from 'typeorm';
import { Survey } from './survey.entity';

/** Surveys by id, for loaders. */
export function surveysByIds(db: EntityManager, ids: readonly string[]): Promise<Survey[]> {
  return db.getRepository(Survey).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
}

/** Each organisation's own surveys, by title. */
export function surveysOfOrganisations(db: EntityManager, organisationIds: readonly string[]): Promise<Survey[]> {
  return db
    .getRepository(Survey)
    .createQueryBuilder('s')
    .where('s.organisation_id = ANY(:organisationIds)', { organisationIds })
    .orderBy('s.title')
    .addOrderBy('s.id')
    .getMany();
}
