import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EVERY_TYPE_ANSWERS, EVERY_TYPE_FORM } from '@harbour/survey-kit/question-types';
import { openCampaignWithLink, untilFolded } from '../support/delivery';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * A SurveyJS form written elsewhere, with every kind of question Harbour stores beyond its own
 * instruments', through the gateway as a trust admin and a respondent would use it.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ HARBOUR_DELIVERY_EVERY_MS: '500' });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const submit = (token: string, answers: Record<string, unknown>) =>
  postGraphQL(
    platform.gatewayUrl,
    'mutation ($input: SubmitResponseInput!) { submitResponse(input: $input) { invitation { state } } }',
    {},
    { input: { token, answers, idempotencyKey: randomUUID() } },
  );

describe('a form with every question type', () => {
  it('imports, publishes and exports back equal; each type refuses a wrong answer naming the question and where in it, and stores a right one', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = ((await postGraphQL(platform.gatewayUrl, '{ organisations(tenantsOnly: true) { nodes { id } } }', admin)).body.data as { organisations: { nodes: { id: string }[] } }).organisations.nodes[0]!.id;
    const made = await postGraphQL(platform.gatewayUrl, 'mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }', admin, {
      input: { organisationId: trust, title: 'Settling in', json: EVERY_TYPE_FORM },
    });
    expect(made.body.errors).toBeUndefined();
    const surveyId = (made.body.data as { createSurvey: { id: string } }).createSurvey.id;
    const published = await postGraphQL(platform.gatewayUrl, `mutation { publishSurvey(surveyId: "${surveyId}") { number } }`, admin);
    expect(published.body.errors).toBeUndefined();
    const exported = await postGraphQL(platform.gatewayUrl, `{ survey(id: "${surveyId}") { version(number: 1) { json } } }`, admin);
    expect((exported.body.data as { survey: { version: { json: unknown } } }).survey.version.json).toEqual(EVERY_TYPE_FORM);

    const { token } = await openCampaignWithLink(platform, 'sam@northmoor.example', 'Settling in now', surveyId);
    const wrong: [string, Record<string, unknown>, string][] = [
      ['placements', { placements: [{ place: 'Ward 4', weeks: 'forever' }] }, 'panel 1: question "weeks"'],
      ['contacts', { contacts: { peers: 'many' } }, 'box "peers"'],
      ['support', { support: { manager: { rating: 9 } } }, 'row "manager": column "rating"'],
      ['training', { training: [{ course: 'x', useful: 'yes' }] }, 'row 1: column "useful"'],
      ['mood', { mood: 'angry' }, 'is not one of its choices'],
      ['topics', { topics: ['cake'] }, 'is not one of its choices'],
      ['settled', { settled: 11 }, 'is not on its scale of 0 to 10'],
      ['settled_double', { settled_double: 99 }, 'is worked out from the other answers'],
    ];
    for (const [question, change, words] of wrong) {
      const refused = await submit(token, { ...EVERY_TYPE_ANSWERS, ...change });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.body.errors?.[0]?.extensions?.problems).toEqual([{ question, message: expect.stringContaining(words) }]);
    }
    const stored = await submit(token, EVERY_TYPE_ANSWERS);
    expect(stored.body.errors).toBeUndefined();
    expect((stored.body.data as { submitResponse: { invitation: { state: string } } }).submitResponse.invitation.state).toBe('COMPLETED');
  });

  it('refuses a form with a file upload at import, naming where, and keeps nothing', async () => {
    const admin = await signInAs(platform.gatewayUrl, DEMO_ACCOUNTS.northmoorAdmin);
    const trust = ((await postGraphQL(platform.gatewayUrl, '{ organisations(tenantsOnly: true) { nodes { id } } }', admin)).body.data as { organisations: { nodes: { id: string }[] } }).organisations.nodes[0]!.id;
    const form = { pages: [{ name: 'p', elements: [{ type: 'file', name: 'cv', title: 'Your CV' }] }] };
    const refused = await postGraphQL(platform.gatewayUrl, 'mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }', admin, {
      input: { organisationId: trust, title: 'With a file', json: form },
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.body.errors?.[0]?.extensions)).toContain('$.pages[0].elements[0].type');
    expect(JSON.stringify(refused.body.errors?.[0]?.extensions)).toContain('File uploads are not taken');
    const surveys = await postGraphQL(platform.gatewayUrl, '{ organisations(tenantsOnly: true) { nodes { surveys(first: 200) { nodes { title } } } } }', admin);
    expect(surveys.body.errors).toBeUndefined();
    expect(JSON.stringify(surveys.body.data)).toContain('Settling in');
    expect(JSON.stringify(surveys.body.data)).not.toContain('With a file');
  });
});

describe('a campaign that offers "Prefer not to say"', () => {
  it('takes it for a required choice or scale, stores it as said, and counts it as no answer; a campaign that does not offer it refuses it', async () => {
    const { campaignId, token } = await openCampaignWithLink(platform, 'pat@northmoor.example', 'Belonging, no pressure', undefined, 'PSEUDONYMOUS', { preferNotToSay: true });
    const shown = await postGraphQL(platform.gatewayUrl, `{ invitation(token: "${token}") { preferNotToSay } }`, {});
    expect(shown.body.data).toEqual({ invitation: { preferNotToSay: true } });
    const answers = {
      bel_where: 'refused',
      bel_part_of_team: 'refused',
      bel_accepted: 4,
      bel_valued: 4,
      bel_isolated: 'refused',
      bel_peer_contact: 4,
      bel_peer_help: 4,
      bel_supervision_regular: 4,
      bel_supervision_useful: 4,
      bel_pushback: 4,
      bel_stay_year: 4,
      bel_thinking_leaving: 2,
    };
    const stored = await submit(token, answers);
    expect(stored.body.errors).toBeUndefined();
    await untilFolded(platform);

    const owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(`SELECT answers, scores FROM responses.response WHERE campaign_id = $1`, [campaignId]);
      expect(rows).toHaveLength(1);
      expect(rows[0].answers).toMatchObject({ bel_where: 'refused', bel_part_of_team: 'refused' });
      // Belonging from the two items answered (4 and 4: 7.5 each), as though the others were left blank.
      expect((rows[0].scores as { code: string }[]).find((s) => s.code === 'belonging')).toEqual({ code: 'belonging', score: 7.5, favourable: true, answered: 2 });
      const measures = await owner.query(`SELECT measure FROM responses.rollup WHERE campaign_id = $1 AND n > 0`, [campaignId]);
      const names = measures.rows.map((r) => r.measure as string);
      expect(names).toContain('choice:bel_accepted:4');
      expect(names.filter((m) => m.startsWith('choice:bel_where:') || m.startsWith('choice:bel_part_of_team:') || m.includes('refused'))).toEqual([]);
    } finally {
      await owner.end();
    }

    const { token: plain } = await openCampaignWithLink(platform, 'lee@northmoor.example', 'Belonging, every answer');
    const refused = await submit(plain, answers);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((refused.body.errors?.[0]?.extensions?.problems as { question: string }[]).map((p) => p.question)).toEqual(['bel_where', 'bel_part_of_team', 'bel_isolated']);
  });
});
