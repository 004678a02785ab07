import { FieldResolver, Resolver, Root } from 'type-graphql';
import { AccountRef } from '../account/account.ref';
import { SurveyVersion } from './survey-version.entity';

@Resolver(() => SurveyVersion)
export class SurveyVersionResolver {
  // Versions are reached only through a survey the caller may manage; the directory decides whether the account shows.
  @FieldResolver(() => AccountRef, { nullable: true, description: 'Who published it; null when Harbour did (demo data) or the account is not one you may see.' })
  publishedBy(@Root() version: SurveyVersion): AccountRef | null {
    return version.publishedBy ? { id: version.publishedBy } : null;
  }
}
