import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Overload answers fast: with each subgraph's pool at three connections, 200 role evaluations
 * at once are each answered, or refused with 503 and Retry-After once the pool's wait (2 s)
 * runs out. None is an internal error, and no error names an address inside Harbour.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ HARBOUR_DB_POOL_MAX: '3' });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe('200 concurrent role evaluations on a pool of three', () => {
  it('are each answered or refused with 503 and Retry-After, none with an internal error', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const query = '{ roleEvaluation(filter: { instrument: "where_i_belong" }) { figures { responded constructs { code mean } } breakdown(by: ROLE) { rows { key figures { responded } } } } }';
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...evaluator }, body: JSON.stringify({ query }) });
        const text = await response.text();
        return { status: response.status, retryAfter: response.headers.get('retry-after'), text, body: JSON.parse(text) as { data?: { roleEvaluation: { figures: { responded: number } } | null }; errors?: { extensions?: { code?: string } }[] } };
      }),
    );
    const answered = outcomes.filter((o) => o.status === 200 && !o.body.errors && o.body.data?.roleEvaluation?.figures.responded);
    const refused = outcomes.filter((o) => o.status === 503);
    console.log(`overload: ${answered.length} answered, ${refused.length} refused with 503, of ${outcomes.length}`);
    expect(answered.length + refused.length).toBe(outcomes.length);
    expect(answered.length).toBeGreaterThan(0);
    for (const o of refused) {
      expect(o.retryAfter).toBe('2');
      expect(o.body.errors?.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    }
    for (const o of outcomes) expect(o.text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\/|timeout exceeded/);
  }, 120_000);
});
