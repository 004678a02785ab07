import { byKey, type HarbourContext } from '@harbour/graphql-kit';
import { Setting } from './setting.entity';

export function settingLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Setting | null>('setting', async (ids) =>
    byKey(ids, await ctx.db.getRepository(Setting).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany(), (s) => s.id, null),
  );
}
