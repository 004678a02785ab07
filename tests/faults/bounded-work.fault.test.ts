import { Client } from 'pg';
import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Bounded work, tried as an evaluator's script would: requests whose work has no sane bound are
 * refused before any is done, naming what to change; bounded ones are answered.
 */
let platform: TestPlatform;
/** Each subgraph request's time budget here: long enough for every other request in this file. */
const BUDGET_MS = 6000;
let evaluator: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform({ HARBOUR_REQUEST_BUDGET_MS: String(BUDGET_MS) });
  evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

async function graphql(query: string) {
  const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...evaluator }, body: JSON.stringify({ query }) });
  // The shape is the query's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

const trend = (from: string, to: string, interval = 'MONTH', alias = '') =>
  `${alias}roleEvaluation(filter: { instrument: "where_i_belong", from: "${from}", to: "${to}" }) { trend(interval: ${interval}) { period figures { responded } } }`;

describe('a report request', () => {
  it('is refused, naming the argument, when its months lie outside 2000-01 to 2099-12 (the trend once ran on to year 99990)', async () => {
    const body = await graphql(`{ ${trend('0001-01', '9999-12')} }`);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ message: 'from: give a month from 2000-01 to 2099-12, not 0001-01', extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
  });

  it('is refused when its trend would cover more than ten years, alone or as six aliases', async () => {
    const one = await graphql(`{ ${trend('2000-01', '2099-12')} }`);
    expect(one.errors?.[0]).toMatchObject({ message: 'trend: a trend covers at most 10 years (120 months); narrow from and to', extensions: { code: 'BAD_USER_INPUT' } });
    const six = await graphql(`{ ${[1, 2, 3, 4, 5, 6].map((i) => trend('2000-01', '2099-12', 'MONTH', `t${i}: `)).join(' ')} }`);
    expect(six.data).toBeNull();
    expect(six.errors?.every((e) => e.extensions.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('is answered for the same long span without a trend, and a trend of ten years has its 40 quarters', async () => {
    const whole = await graphql(`{ roleEvaluation(filter: { instrument: "where_i_belong", from: "2000-01", to: "2099-12" }) { figures { responded } } }`);
    expect(whole.errors).toBeUndefined();
    expect(whole.data.roleEvaluation.figures.responded).toBeGreaterThan(100);
    const ten = await graphql(`{ ${trend('2017-01', '2026-12', 'QUARTER')} }`);
    expect(ten.errors).toBeUndefined();
    expect(ten.data.roleEvaluation.trend).toHaveLength(40);
    expect(ten.data.roleEvaluation.trend[39].period).toBe('2026-Q4');
  });
});

describe('a report that cannot finish', () => {
  const REPORT = '{ roleEvaluation(filter: { instrument: "where_i_belong" }) { completed } }';

  /**
   * Holds the surveys table locked (as a long migration would) while `work` runs: a report
   * then waits on the lock inside PostgreSQL, as a slow one would run there.
   */
  async function whileSurveysLocked<T>(work: (waiting: () => Promise<number>) => Promise<T>): Promise<T> {
    const locker = new Client({ connectionString: platform.database.ownerUrl });
    const watcher = new Client({ connectionString: platform.database.ownerUrl });
    await Promise.all([locker.connect(), watcher.connect()]);
    try {
      await locker.query('BEGIN; LOCK TABLE forms.survey IN ACCESS EXCLUSIVE MODE');
      // Statements waiting on that lock now (pg_locks: pg_stat_activity hides other roles' waits).
      const waiting = async () =>
        Number((await watcher.query(`SELECT count(*) AS n FROM pg_locks WHERE relation = 'forms.survey'::regclass AND NOT granted`)).rows[0].n);
      return await work(waiting);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await Promise.all([locker.end(), watcher.end()]);
    }
  }

  const until = async (check: () => Promise<boolean>, ms: number) => {
    const started = Date.now();
    while (Date.now() - started < ms) {
      if (await check()) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
  };

  it('is stopped at its time budget, its statement cancelled in PostgreSQL, with REQUEST_TIMEOUT', async () => {
    await whileSurveysLocked(async (waiting) => {
      const started = Date.now();
      const answer = graphql(REPORT);
      expect(await until(async () => (await waiting()) > 0, 3000)).not.toBeNull();
      // Answered by the budget (with room for a loaded machine), not by the 15 s statement timeout.
      const body = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), BUDGET_MS + 3000))]);
      const took = Date.now() - started;
      if (!body) throw new Error(`No answer ${took} ms after a report was sent with a budget of ${BUDGET_MS} ms`);
      console.log(`a report stuck behind a lock: ${body.errors?.[0]?.extensions?.code} after ${took} ms (budget ${BUDGET_MS} ms)`);
      expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(body.errors?.[0]?.message).toMatch(/ran longer than 6 s and was stopped/);
      expect(took).toBeGreaterThanOrEqual(BUDGET_MS);
      expect(await waiting()).toBe(0);
    });
    // And the next report, the lock gone, is answered.
    expect((await graphql(REPORT)).errors).toBeUndefined();
  }, 30_000);

  it('is cancelled in PostgreSQL when its client goes, long before its budget', async () => {
    await whileSurveysLocked(async (waiting) => {
      const client = new AbortController();
      const sent = fetch(platform.gatewayUrl, { method: 'POST', signal: client.signal, headers: { 'content-type': 'application/json', ...evaluator }, body: JSON.stringify({ query: REPORT }) }).catch(() => 'aborted');
      expect(await until(async () => (await waiting()) > 0, 3000)).not.toBeNull();
      client.abort();
      expect(await sent).toBe('aborted');
      const gone = await until(async () => (await waiting()) === 0, BUDGET_MS / 2);
      console.log(`a report whose client went: its statement gone from PostgreSQL after ${gone} ms`);
      expect(gone).not.toBeNull();
    });
  }, 30_000);
});
