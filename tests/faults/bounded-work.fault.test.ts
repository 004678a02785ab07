import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Bounded work, tried as an evaluator's script would: requests whose work has no sane bound are
 * refused before any is done, naming what to change; bounded ones are answered.
 */
let platform: TestPlatform;
let evaluator: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
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
