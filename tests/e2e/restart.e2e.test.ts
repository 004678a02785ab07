import { openCampaignWithLink } from '../support/delivery';
import { postGraphQL, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ HARBOUR_DELIVERY_EVERY_MS: '500' });
}, 90_000);
afterAll(() => platform?.stop());

const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
  const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
};

describe('a draft, through the gateway, across a crash of the responses subgraph', () => {
  it('resumes with every answer intact after the subgraph is killed and started again', async () => {
    const { token } = await openCampaignWithLink(platform);
    const answers = { bel_where: 'team', bel_part_of_team: 2, bel_accepted: 3, bel_valued: 4, bel_isolated: 5, bel_peer_contact: 1 };
    await gql(`mutation ($input: SaveResponseDraftInput!) { saveResponseDraft(input: $input) { state } }`, { input: { token, answers, pageNo: 1 } });

    await platform.restart('responses');

    const { invitation } = await gql<{ invitation: { state: string; answers: Record<string, unknown>; pageNo: number } }>(
      `query ($token: String!) { invitation(token: $token) { state answers pageNo } }`,
      { token },
    );
    expect(invitation).toEqual({ state: 'STARTED', answers, pageNo: 1 });
    // The platform did not take the kill for a crash of its own.
    expect(await Promise.race([platform.crashed, new Promise((resolve) => setTimeout(() => resolve('running'), 200))])).toBe('running');
    const probe = await postGraphQL(platform.gatewayUrl, '{ __typename }');
    expect(probe.status).toBe(200);
  });
});
