import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { repoRoot } from '@harbour/config';
import { RESPONDENT_DATA_ID, RESPONDENT_INVITATION_QUERY, type RespondentInvitation } from '@harbour/survey-kit/respondent-page';
import { writePage } from './respondent-page';

const web = {
  html: '<!doctype html><html><head><script type="module" crossorigin src="/assets/main-1.js"></script></head><body><div id="root"></div></body></html>',
  page: ['assets/RespondentApp-1.js', 'assets/main-1.js'],
  survey: ['assets/RespondentSurvey-1.js', 'assets/survey-model-1.js', 'assets/survey-model-1.css'],
};
const invitation: RespondentInvitation = {
  campaignName: 'Round 4',
  surveyTitle: 'Where I belong',
  trustName: 'Northmoor',
  contactEmail: null,
  privacyNoticeUrl: null,
  anonymity: 'PSEUDONYMOUS',
  preferNotToSay: false,
  trustLogo: null,
  form: { pages: [] },
  state: 'STARTED',
  answers: null,
  pageNo: null,
  savedAt: null,
  opensOn: '2026-12-01',
  closesOn: '2027-01-30',
  open: true,
  completedOn: null,
};

/** The JSON the page holds, as the browser's JSON.parse of the element's text would read it. */
function dataIn(html: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${RESPONDENT_DATA_ID}">([\\s\\S]*?)</script>`).exec(html);
  return JSON.parse(match![1]!);
}

describe("a personal link's page", () => {
  it('asks the browser for the survey library only when there is a survey to answer', () => {
    const open = writePage(web, { invitation });
    expect(open).toContain('<link rel="modulepreload" crossorigin href="/assets/survey-model-1.js">');
    expect(open).toContain('<link rel="stylesheet" crossorigin href="/assets/survey-model-1.css">');
    // The entry the page already names is not hinted twice.
    expect(open.match(/main-1\.js/g)).toHaveLength(1);
    for (const data of [{ invitation: { ...invitation, state: 'COMPLETED' as const, open: false } }, { invitation: { ...invitation, open: false } }, { problem: 'This link is not known.' }]) {
      const page = writePage(web, data);
      expect(page).toContain('/assets/RespondentApp-1.js');
      expect(page).not.toMatch(/survey-model|RespondentSurvey/);
      expect(dataIn(page)).toEqual(data);
    }
  });

  it('holds text that would close its script element as text: a title cannot end the element and add markup', () => {
    const title = '</script><img src=x onerror=alert(1)><script>alert(2)</script>';
    const page = writePage(web, { invitation: { ...invitation, surveyTitle: title, answers: { q1: '</SCRIPT >' } } });
    expect(page.match(/<\/script>/gi)).toHaveLength(2); // the entry's and the data's own
    expect(page).not.toContain('<img');
    expect(dataIn(page)).toEqual({ invitation: { ...invitation, surveyTitle: title, answers: { q1: '</SCRIPT >' } } });
  });

  it("asks GraphQL a query the composed schema accepts", () => {
    const schema = buildSchema(readFileSync(path.join(repoRoot(), 'schema', 'api.graphql'), 'utf8'));
    expect(validate(schema, parse(RESPONDENT_INVITATION_QUERY)).map((e) => e.message)).toEqual([]);
  });
});
