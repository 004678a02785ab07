import { Field, Int, ObjectType } from 'type-graphql';

/** One queue of one subgraph's job queue (pg-boss), as its `job_queue_status` view counts it. */
@ObjectType({
  description:
    'Work a subgraph does by itself (its clocks: invitations and messages, campaign openings and closings, the all-tenant benchmark), one queue of its job queue in PostgreSQL. Each job runs once per due time however many copies of the subgraph are up; a job that fails, or whose worker dies, is retried with back-off (2 s, then twice as long each time, 5 retries) and then left failed. Finished jobs are kept an hour, then archived for 7 days.',
})
export class BackgroundJobQueue {
  @Field(() => String, { description: 'The subgraph that works it: forms, responses or insights.' })
  service!: string;

  @Field(() => String, { description: 'The queue, e.g. `delivery-clock`.' })
  name!: string;

  @Field(() => Int, { description: 'Jobs waiting to run, including those waiting to be retried.' })
  queued!: number;

  @Field(() => Int, { description: 'Jobs running now.' })
  running!: number;

  @Field(() => Int, { description: 'Jobs that failed every retry, not yet archived.' })
  failed!: number;

  @Field(() => Date, { nullable: true, description: 'When a job of this queue last started; null when none has in the last hour.' })
  lastStartedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When one last finished without error.' })
  lastCompletedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When one last failed (retried or not).' })
  lastFailedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What that failure said, at most 500 characters.' })
  lastFailure!: string | null;
}
