import { useId, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { Link } from '../../app/Link';
import { ProblemsAlert, problemsOf, type Problem } from '../../app/problems';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { pagesOf, questionNamed, questionsOf, replacingQuestion, titleText, withQuestion, type Json } from './form-json';
import { LANGUAGES, type Locale } from './localised';
import { QuestionEditor } from './QuestionEditor';
import { QuestionList, type Opened } from './QuestionList';
import { SurveyPreview } from './SurveyPreview';
import { TranslationEditor } from './TranslationEditor';
import { VersionHistory } from './VersionHistory';

export const StudioQuery = graphql(`
  query SurveyStudio($id: ID!) {
    survey(id: $id) {
      id
      title
      status
      draft
      instrument {
        code
        title
        json
      }
      versions {
        number
        publishedAt
        contentHash
        publishedBy {
          displayName
        }
      }
    }
  }
`);

const SaveDraft = graphql(`
  mutation SaveSurveyDraft($input: SaveSurveyDraftInput!) {
    saveSurveyDraft(input: $input) {
      id
      draft
    }
  }
`);

const Publish = graphql(`
  mutation PublishSurvey($id: ID!) {
    publishSurvey(surveyId: $id) {
      number
    }
  }
`);

/**
 * One survey: its pages and questions (core ones locked) with a structured editor, Welsh,
 * a live preview, the JSON, publishing, and its version history.
 */
export function SurveyStudio({ surveyId, onChanged }: { surveyId: string; onChanged: () => void }) {
  const organisation = useWorkingOrganisation();
  const client = useClient();
  const [{ data }] = useQuery({ query: StudioQuery, variables: { id: surveyId } });
  // Reloads the survey and resolves once the page shows it, so a message never runs ahead of what it reports.
  const reload = () => client.query(StudioQuery, { id: surveyId }, { requestPolicy: 'network-only' }).toPromise();
  const [, save] = useMutation(SaveDraft);
  const [, publish] = useMutation(Publish);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened>(null);
  const [locale, setLocale] = useState<Locale>('default');
  const ids = { json: useId(), locale: useId() };
  const survey = data?.survey;
  if (!survey) return <p role="status">Opening the survey…</p>;
  const draft = survey.draft as Json;
  const core = new Set(survey.instrument ? questionsOf(survey.instrument.json as Json).map((q) => q.name) : []);
  const manages = organisation?.manages ?? false;
  const versions = survey.versions;
  const latest = versions[versions.length - 1];

  async function saveDraft(json: Json, done: string): Promise<boolean> {
    const result = await save({ input: { surveyId, json } });
    if (result.error) {
      setProblems(problemsOf(result.error, '$'));
      setNotice(null);
      return false;
    }
    await reload();
    setProblems([]);
    setNotice(done);
    return true;
  }

  async function saveJson(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let json: Json;
    try {
      json = JSON.parse(String(new FormData(event.currentTarget).get('json'))) as Json;
    } catch {
      setProblems([{ path: '$', message: 'The JSON does not parse: check its brackets and quotes' }]);
      return;
    }
    await saveDraft(json, 'Saved the JSON.');
  }

  async function publishDraft() {
    const result = await publish({ id: surveyId });
    if (result.error) setProblems(problemsOf(result.error, '$'));
    else {
      await reload();
      setProblems([]);
      setNotice(`Published version ${result.data!.publishSurvey.number}.`);
      onChanged();
    }
  }

  const openedQuestion = opened && questionNamed(draft, opened.name);
  const openedTitle = openedQuestion ? titleText(openedQuestion.title) || opened.name : '';
  const editor =
    opened && openedQuestion ? (
      opened.what === 'edit' ? (
        <QuestionEditor
          key={opened.name}
          question={openedQuestion}
          core={core.has(opened.name)}
          pages={pagesOf(draft)}
          onCancel={() => setOpened(null)}
          onSave={async (question) => (await saveDraft(replacingQuestion(draft, opened.name, question), `Saved "${openedTitle}".`)) && (setOpened(null), true)}
        />
      ) : (
        <TranslationEditor
          key={opened.name}
          question={openedQuestion}
          onCancel={() => setOpened(null)}
          onSave={async (question) => (await saveDraft(replacingQuestion(draft, opened.name, question), `Saved the Welsh of "${openedTitle}".`)) && (setOpened(null), true)}
        />
      )
    ) : null;

  return (
    <section className="card studio" aria-labelledby="studio-heading">
      <h2 id="studio-heading">{survey.title}</h2>
      {survey.instrument && <p className="muted">From the instrument {survey.instrument.title}: its questions are core and cannot change, but you can add logic and Welsh to them.</p>}
      <div aria-live="polite">{notice && <p role="status">{notice}</p>}</div>
      <ProblemsAlert problems={problems} />
      <h3>Questions</h3>
      <QuestionList draft={draft} core={core} manages={manages} opened={opened} onOpen={setOpened} editor={editor} onChange={(json, done) => void saveDraft(json, done)} />
      {manages && <QuestionEditor pages={pagesOf(draft)} onSave={(question, page) => saveDraft(withQuestion(draft, question, page), `Added "${titleText(question.title)}".`)} />}
      <details>
        <summary>Edit the SurveyJS JSON</summary>
        <form className="form" onSubmit={saveJson} aria-label="Edit the JSON">
          <label htmlFor={ids.json}>SurveyJS JSON</label>
          <textarea id={ids.json} name="json" rows={14} defaultValue={JSON.stringify(draft, null, 2)} key={JSON.stringify(draft)} />
          <button type="submit">Save JSON</button>
        </form>
      </details>
      <h3>Preview</h3>
      <div className="filters">
        <div>
          <label htmlFor={ids.locale}>Preview in</label>
          <select id={ids.locale} value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
            {LANGUAGES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SurveyPreview json={draft} locale={locale} />
      {manages && (
        <div className="actions">
          <button type="button" className="primary" onClick={publishDraft}>
            Publish
          </button>
        </div>
      )}
      <h3>Versions</h3>
      <VersionHistory key={versions.length} surveyId={surveyId} title={survey.title} versions={versions} />
      {latest && manages && (
        <p>
          <Link to="/campaigns" search={`?survey=${surveyId}`}>
            Plan a campaign of version {latest.number}
          </Link>
        </p>
      )}
    </section>
  );
}
