import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { Client } from 'pg';
import { repoRoot } from '@harbour/config';
import { DEMO_ACCOUNTS, postGraphQL, signInAs, startTestPlatform, type TestPlatform } from '../support/platform';

/** The matrix in docs/access-control.md: operation → caller → expected outcome. */
function writtenMatrix(): { callers: string[]; rows: Map<string, Map<string, string>> } {
  const doc = readFileSync(path.join(repoRoot(), 'docs', 'access-control.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The matrix'));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  const callers = cells(lines[0]!).slice(1);
  const rows = new Map<string, Map<string, string>>();
  for (const line of lines.slice(2)) {
    const [operation, ...outcomes] = cells(line);
    if (!operation?.includes('.')) break;
    rows.set(operation, new Map(callers.map((caller, i) => [caller, outcomes[i]!])));
  }
  return { callers, rows };
}

interface Fixture {
  trust: string;
  team: string;
  survey: string;
  response: string;
  staff: string;
}

/** Each operation as a document a caller sends; `n` makes names unique per caller. */
const NO_LINK = 'A'.repeat(43);

const OPERATIONS: Record<string, (f: Fixture, n: number, email: string) => string> = {
  'Query.me': () => '{ me { email } }',
  'Query.roles': () => '{ roles { code } }',
  'Query.settings': () => '{ settings { code } }',
  'Query.organisations': () => '{ organisations { nodes { name } } }',
  'Query.organisation': (f) => `{ organisation(id: "${f.trust}") { name } }`,
  'Query.survey': (f) => `{ survey(id: "${f.survey}") { title } }`,
  'Query.response': (f) => `{ response(id: "${f.response}") { status } }`,
  'Query.staff': (f) => `{ staff(organisationId: "${f.trust}", first: 5) { nodes { externalRef } } }`,
  'Query.staffMember': (f) => `{ staffMember(id: "${f.staff}") { externalRef } }`,
  'Query.staffImport': () => '{ staffImport(id: "00000000-0000-4000-8000-00000000abcd") { phase } }',
  'Query.accounts': (f) => `{ accounts(organisationId: "${f.trust}") { nodes { email } } }`,
  'Query.auditLog': () => '{ auditLog(first: 5) { nodes { action } } }',
  'Query.backgroundJobs': () => '{ backgroundJobs { name queued } }',
  'Query.instruments': () => '{ instruments { code } }',
  'Mutation.createSurvey': (f, n) => `mutation { createSurvey(input: { organisationId: "${f.trust}", title: "Matrix ${n}", instrumentCode: "pulse" }) { id } }`,
  // Saved with a problem (no pages), so allowed callers get BAD_USER_INPUT and the draft stays as it was.
  'Mutation.saveSurveyDraft': (f) => `mutation { saveSurveyDraft(input: { surveyId: "${f.survey}", json: {} }) { id } }`,
  // The draft is the published version 1, so publishing again changes nothing.
  'Mutation.publishSurvey': (f) => `mutation { publishSurvey(surveyId: "${f.survey}") { number } }`,
  'Survey.draft': (f) => `{ survey(id: "${f.survey}") { draft } }`,
  'Query.campaigns': (f) => `{ campaigns(organisationId: "${f.trust}") { id } }`,
  // Version 99 does not exist: allowed callers get BAD_USER_INPUT and nothing is made.
  'Mutation.createCampaign': (f) =>
    `mutation { createCampaign(input: { surveyId: "${f.survey}", versionNumber: 99, name: "Matrix", audience: { organisationId: "${f.trust}" }, schedule: { kind: WINDOW, opensOn: "2026-12-01", closesOn: "2026-12-31" } }) { id } }`,
  'Mutation.scheduleCampaign': () => 'mutation { scheduleCampaign(id: "00000000-0000-4000-8000-00000000abcd") { id } }',
  'Mutation.closeCampaign': () => 'mutation { closeCampaign(id: "00000000-0000-4000-8000-00000000abcd") { id } }',
  'Organisation.surveys': (f) => `{ organisation(id: "${f.trust}") { surveys { nodes { title } } } }`,
  'Organisation.reportingPolicy': (f) => `{ organisation(id: "${f.trust}") { reportingPolicy { minGroupSize } } }`,
  'Survey.responseCount': (f) => `{ survey(id: "${f.survey}") { responseCount } }`,
  'Survey.responses': (f) => `{ survey(id: "${f.survey}") { responses(first: 2) { nodes { submittedOn } } } }`,
  'Role.summary': () => '{ roles { summary { suppressed } } }',
  'Account.apiTokens': () => '{ me { apiTokens { name } } }',
  'Mutation.signIn': () => `mutation { signIn(input: { email: "staff.member@northmoor.example", password: "a member of staff 1" }) { token } }`,
  'Mutation.changePassword': () => 'mutation { changePassword(input: { currentPassword: "wrong wrong wrong", newPassword: "a new password 123" }) }',
  'Mutation.createApiToken': (_f, n) => `mutation { createApiToken(input: { name: "matrix ${n}" }) { token } }`,
  'Mutation.revokeApiToken': () => 'mutation { revokeApiToken(id: "00000000-0000-4000-8000-00000000abcd") { id } }',
  'Mutation.createAccount': (_f, n) =>
    `mutation { createAccount(input: { email: "matrix.${n}@northmoor.example", displayName: "Matrix ${n}", password: "a long password ${n}" }) { id } }`,
  'Mutation.grantAccess': (f) => `mutation { grantAccess(input: { email: "${DEMO_ACCOUNTS.perinatalLead}", organisationId: "${f.trust}", role: EVALUATOR }) { id } }`,
  // The caller's own account: nobody gives themselves a role, platform admins included.
  'Mutation.grantAccess (to yourself)': (f, _n, email) => `mutation { grantAccess(input: { email: "${email}", organisationId: "${f.trust}", role: EVALUATOR }) { id } }`,
  // Raw rows leave only through a researcher grant, which only a platform admin gives.
  'Mutation.grantAccess (RESEARCHER)': (f) => `mutation { grantAccess(input: { email: "${DEMO_ACCOUNTS.perinatalLead}", organisationId: "${f.trust}", role: RESEARCHER }) { id } }`,
  'Mutation.revokeGrant': () => 'mutation { revokeGrant(id: "00000000-0000-4000-8000-00000000abcd") }',
  'Mutation.createOrganisation': (f, n) => `mutation { createOrganisation(input: { parentId: "${f.trust}", kind: TEAM, name: "Matrix team ${n}" }) { id } }`,
  'Mutation.updateOrganisation': (f) => `mutation { updateOrganisation(input: { id: "${f.team}", name: "Willow Ward" }) { id } }`,
  'Mutation.createTenant': (_f, n) => `mutation { createTenant(input: { kind: TRUST, name: "Matrix Trust ${n}" }) { id } }`,
  'Mutation.createRole': (f, n) => `mutation { createRole(input: { organisationId: "${f.trust}", code: "matrix_role_${n}", name: "Matrix role" }) { id } }`,
  'Mutation.createSetting': (f, n) => `mutation { createSetting(input: { organisationId: "${f.trust}", code: "matrix_setting_${n}", name: "Matrix setting" }) { id } }`,
  'Mutation.importStaff': (f) =>
    `mutation { importStaff(input: { organisationId: "${f.trust}", csv: "external_ref,role,employing_organisation,start_date\\nX1,peer_support_worker,Willow Ward,2026-01-05" }) { rows } }`,
  'Mutation.signOut': () => 'mutation { signOut }',
  'Query.outbox': (f) => `{ outbox(organisationId: "${f.trust}", first: 1) { nodes { state } } }`,
  // A token that is no link: every caller reaches the resolver and gets NOT_FOUND.
  'Query.invitation': () => `{ invitation(token: "${NO_LINK}") { state } }`,
  'Mutation.saveResponseDraft': () => `mutation { saveResponseDraft(input: { token: "${NO_LINK}", answers: {}, pageNo: 0 }) { state } }`,
  'Mutation.withdrawResponse': () => `mutation { withdrawResponse(token: "${NO_LINK}") { state } }`,
  // No such campaign: allowed callers get NOT_FOUND, and no links are released.
  'Mutation.releaseInvitationLinks': () => 'mutation { releaseInvitationLinks(campaignId: "00000000-0000-4000-8000-00000000abcd") { messages } }',
  // No such campaign: allowed callers get NOT_FOUND.
  'Query.campaignProgress': () => '{ campaignProgress(campaignId: "00000000-0000-4000-8000-00000000abcd") { invited } }',
  // Nobody was invited with this id: allowed callers erase nothing.
  'Mutation.eraseRespondent': () => 'mutation { eraseRespondent(staffId: "00000000-0000-4000-8000-00000000abcd") { responses } }',
  'Query.roleEvaluation': () => '{ roleEvaluation(filter: { instrument: "where_i_belong" }) { figures { suppressed } } }',
  'Mutation.submitResponse': () => `mutation { submitResponse(input: { token: "${NO_LINK}", answers: {}, idempotencyKey: "matrix-key-1" }) { repeated } }`,
};

let platform: TestPlatform;
let fixture: Fixture;
const headersOf = new Map<string, Record<string, string>>();
/** Each caller's own email (anonymous callers have none: any will do). */
const emailOf: Record<string, string> = {
  anonymous: DEMO_ACCOUNTS.northmoorAdmin,
  respondent: 'staff.member@northmoor.example',
  evaluator: DEMO_ACCOUNTS.northmoorEvaluator,
  "evaluator's API token": DEMO_ACCOUNTS.northmoorEvaluator,
  'trust admin': DEMO_ACCOUNTS.northmoorAdmin,
  'platform admin': DEMO_ACCOUNTS.platformAdmin,
};

beforeAll(async () => {
  platform = await startTestPlatform();
  const url = platform.gatewayUrl;
  const owner = new Client({ connectionString: platform.database.ownerUrl });
  await owner.connect();
  try {
    const one = async (sql: string) => Object.values((await owner.query(sql)).rows[0] as Record<string, string>)[0]!;
    const trust = await one(`SELECT id FROM directory.organisation WHERE parent_id IS NULL AND name LIKE 'Northmoor%'`);
    fixture = {
      trust,
      team: await one(`SELECT id FROM directory.organisation WHERE name = 'Willow Ward'`),
      survey: await one(`SELECT id FROM forms.survey WHERE tenant_id = '${trust}' AND status = 'published' LIMIT 1`),
      response: await one(`SELECT id FROM responses.response WHERE tenant_id = '${trust}' LIMIT 1`),
      staff: await one(`SELECT id FROM directory.staff WHERE tenant_id = '${trust}' LIMIT 1`),
    };
  } finally {
    await owner.end();
  }
  const platformAdmin = await signInAs(url, DEMO_ACCOUNTS.platformAdmin);
  await postGraphQL(url, 'mutation { createAccount(input: { email: "staff.member@northmoor.example", displayName: "A member of staff", password: "a member of staff 1" }) { id } }', platformAdmin);
  const evaluator = await signInAs(url, DEMO_ACCOUNTS.northmoorEvaluator);
  const token = await postGraphQL(url, 'mutation { createApiToken(input: { name: "matrix" }) { token } }', evaluator);
  headersOf.set('anonymous', {});
  headersOf.set('respondent', await signInAs(url, 'staff.member@northmoor.example', 'a member of staff 1'));
  headersOf.set('evaluator', evaluator);
  headersOf.set("evaluator's API token", { authorization: `Bearer ${(token.body.data as { createApiToken: { token: string } }).createApiToken.token}` });
  headersOf.set('trust admin', await signInAs(url, DEMO_ACCOUNTS.northmoorAdmin));
  headersOf.set('platform admin', platformAdmin);
}, 60_000);
afterAll(() => platform?.stop());

/** What a caller got: `yes`, or the access error's code. */
async function outcome(query: string, headers: Record<string, string>): Promise<string> {
  const { status, body } = await postGraphQL(platform.gatewayUrl, query, headers);
  if (status === 401) return 'UNAUTHENTICATED';
  const code = body.errors?.map((e) => e.extensions?.code).find((c) => c === 'UNAUTHENTICATED' || c === 'FORBIDDEN');
  return code ?? 'yes';
}

describe('the authorisation matrix', () => {
  it('has a row for every query and mutation in the API, and the operations to try them', () => {
    const schema = buildSchema(readFileSync(path.join(repoRoot(), 'schema', 'api.graphql'), 'utf8'));
    const roots = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
    const { rows, callers } = writtenMatrix();
    expect(roots.filter((op) => !rows.has(op))).toEqual([]);
    // Variants of an operation ("Mutation.grantAccess (to yourself)") are rows of their own.
    expect([...rows.keys()].filter((op) => op.includes(' ') && !roots.includes(op.split(' ')[0]!))).toEqual([]);
    expect([...rows.keys()].filter((op) => !OPERATIONS[op])).toEqual([]);
    expect(callers).toEqual([...headersOf.keys()]);
  });

  it('matches what each caller gets from each operation', async () => {
    const { rows } = writtenMatrix();
    const actual: string[] = [];
    const expected: string[] = [];
    // signOut last: it ends the sessions the other rows use.
    const order = [...rows.keys()].sort((a, b) => Number(a === 'Mutation.signOut') - Number(b === 'Mutation.signOut'));
    for (const operation of order) {
      let n = 0;
      for (const [caller, headers] of headersOf) {
        const query = OPERATIONS[operation]!(fixture, n++, emailOf[caller]!);
        actual.push(`${operation} as ${caller}: ${await outcome(query, headers)}`);
        expected.push(`${operation} as ${caller}: ${rows.get(operation)!.get(caller)}`);
      }
    }
    expect(actual).toEqual(expected);
  }, 60_000);
});
