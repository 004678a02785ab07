import { request } from 'node:http';
import { DEMO_PASSWORD } from '@harbour/demo';
import { DEMO_ACCOUNTS, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Sign-in that cannot be turned against users: a storm of wrong sign-ins gets no internal error
 * and starves no signed-in user; failures slow the client that made them, never the right
 * password from a client that has not failed; a known email and an unknown one are answered alike.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

type Answer = { status: number; retryAfter?: string; body: { data?: { signIn?: { token: string } | null } | null; errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[] } };

/** A GraphQL POST from `from`, a loopback address of its own (127.0.0.x), as a different client would. */
function post(body: unknown, from = '127.0.0.1', headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(platform.gatewayUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) as Answer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const signIn = (email: string, password: string, from?: string) =>
  post({ query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }', variables: { input: { email, password } } }, from);
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

describe('a storm of wrong sign-ins', () => {
  it('gets no internal error, while a signed-in evaluator\'s requests all succeed', async () => {
    const evaluator = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    let storming = true;
    const meanwhile: number[] = [];
    const reader = (async () => {
      for (let i = 0; storming && i < 500; i++) meanwhile.push((await post({ query: '{ roles { id } }' }, '127.0.0.9', evaluator)).status);
    })();
    const emails = Array.from({ length: 100 }, (_, i) => (i % 2 ? `nobody.${i}@northmoor.example` : DEMO_ACCOUNTS.riversideAdmin));
    // From twenty addresses, five each.
    const answers = await Promise.all(emails.map((email, i) => signIn(email, `wrong password ${i}`, `127.0.1.${(i % 20) + 1}`)));
    storming = false;
    await reader;
    const codes = answers.map(codeOf);
    console.log(`sign-in storm: ${JSON.stringify(Object.fromEntries([...new Set(codes)].map((c) => [c, codes.filter((x) => x === c).length])))}; evaluator meanwhile ${meanwhile.filter((s) => s === 200).length} of ${meanwhile.length} answered`);
    expect(codes.filter((c) => !['UNAUTHENTICATED', 'TOO_MANY_REQUESTS'].includes(c))).toEqual([]);
    expect(meanwhile.length).toBeGreaterThan(0);
    expect(meanwhile.every((s) => s === 200)).toBe(true);
  }, 120_000);
});

describe('failed sign-ins', () => {
  it('slow the client that failed, answer a known and an unknown email alike, and never hold back the right password from elsewhere', async () => {
    const known = DEMO_ACCOUNTS.northmoorAdmin;
    const unknown = 'no.such.person@northmoor.example';
    const attacker = '127.0.2.1';
    const tries = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 7; i++) seen.push(codeOf(await signIn(email, 'not the password', attacker)));
      return seen;
    };
    const forKnown = await tries(known);
    const forUnknown = await tries(unknown);
    // Five wrong, then a wait: for both alike.
    expect(forKnown).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    expect(forUnknown).toEqual(forKnown);
    const waiting = [await signIn(known, 'not the password', attacker), await signIn(unknown, 'not the password', attacker)];
    const shape = (a: Answer) => ({ code: codeOf(a), message: a.body.errors?.[0]?.message.replace(/\d+/g, 'N') });
    expect(shape(waiting[0]!)).toEqual(shape(waiting[1]!));
    expect(waiting[0]!.body.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(50);
    // The attacker's client waits even with the right password...
    expect(codeOf(await signIn(known, DEMO_PASSWORD, attacker))).toBe('TOO_MANY_REQUESTS');
    // ...but the admin, from a client that has not failed, signs in at once.
    const admin = await signIn(known, DEMO_PASSWORD, '127.0.2.2');
    expect(codeOf(admin)).toBe('OK');
    expect(admin.body.data?.signIn?.token).toBeTruthy();
  });

  it('are counted before any password is checked, so concurrent guesses get no more tries than guesses in turn', async () => {
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(DEMO_ACCOUNTS.regionalEvaluator, `guess ${i}`, '127.0.4.1')));
    const codes = guesses.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(15);
  });

  it('of a password change are throttled too, so a stolen session cannot become a way to guess the password', async () => {
    const session = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorEvaluator);
    const change = () => post({ query: 'mutation { changePassword(input: { currentPassword: "not the password", newPassword: "a new password 123" }) }' }, '127.0.5.1', session);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(codeOf(await change()));
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_REQUESTS']);
  });

  it('are throttled through the web app\'s sign-in route too, as 429 with Retry-After', async () => {
    const url = new URL('/auth/session', platform.gatewayUrl);
    const attempt = () =>
      new Promise<{ status: number; retryAfter?: string }>((resolve, reject) => {
        const payload = JSON.stringify({ email: DEMO_ACCOUNTS.perinatalLead, password: 'not the password' });
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: '127.0.3.1', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
        });
        req.on('error', reject);
        req.end(payload);
      });
    const statuses: { status: number; retryAfter?: string }[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt());
    expect(statuses.slice(0, 5).map((s) => s.status)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]!.status).toBe(429);
    expect(Number(statuses[5]!.retryAfter)).toBeGreaterThan(50);
  });
});
