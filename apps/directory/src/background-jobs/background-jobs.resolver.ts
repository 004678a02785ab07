import { Ctx, Query, Resolver } from 'type-graphql';
import { atMost, requireAccount, requirePlatformAdmin, type HarbourContext } from '@harbour/graphql-kit';
import { BackgroundJobQueue } from './background-job-queue.type';
import { backgroundJobQueues } from './background-jobs.service';

@Resolver(() => BackgroundJobQueue)
export class BackgroundJobsResolver {
  @Query(() => [BackgroundJobQueue], {
    description: `For platform admins (operators): every subgraph's job queues, what waits, runs and failed, and when each last ran. One row per queue. ${atMost('Query.backgroundJobs')}`,
  })
  backgroundJobs(@Ctx() ctx: HarbourContext): Promise<BackgroundJobQueue[]> {
    requireAccount(ctx, { session: true });
    requirePlatformAdmin(ctx);
    return backgroundJobQueues(ctx.db);
  }
}
