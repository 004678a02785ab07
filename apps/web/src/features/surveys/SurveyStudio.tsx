import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { CHOICE_TYPES, newQuestion, QUESTION_TYPES, questionsOf, withoutQuestion, withQuestion } from './form-json';
import { SurveyPreview } from './SurveyPreview';

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

const DiffQuery = graphql(`
  query SurveyDiff($id: ID!, $from: Int!, $to: Int!) {
    survey(id: $id) {
      id
      diff(from: $from, to: $to) {
        added
        removed
        changed {
          name
          properties
        }
      }
    }
  }
`);

const ScheduleCampaign = graphql(`
  mutation CreateAndSchedule($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
      audiencePreview
    }
  }
`);

const Schedule = graphql(`
  mutation ScheduleCampaign($id: ID!) {
    scheduleCampaign(id: $id) {
      id
      state
    }
  }
`);

type Problem = { path: string; message: string };

function problemsOf(error: { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[]; message: string } | undefined): Problem[] {
  const first = error?.graphQLErrors[0];
  return (first?.extensions?.problems as Problem[] | undefined) ?? [{ path: '$', message: first?.message ?? error?.message ?? 'It could not be saved' }];
}

/** One survey: its questions (core ones locked), a preview, the JSON, publishing, history and a campaign. */
export function SurveyStudio({ surveyId, onChanged }: { surveyId: string; onChanged: () => void }) {
  const organisation = useWorkingOrganisation();
  const [{ data }, refetch] = useQuery({ query: StudioQuery, variables: { id: surveyId } });
  const [, save] = useMutation(SaveDraft);
  const [, publish] = useMutation(Publish);
  const [, createCampaign] = useMutation(ScheduleCampaign);
  const [, schedule] = useMutation(Schedule);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [type, setType] = useState('text');
  const ids = { type: useId(), name: useId(), title: useId(), choices: useId(), json: useId(), campaign: useId(), opens: useId(), closes: useId() };
  const survey = data?.survey;
  const versions = survey?.versions ?? [];
  const [{ data: diffData }] = useQuery({
    query: DiffQuery,
    variables: { id: surveyId, from: versions.length - 1, to: versions.length },
    pause: versions.length < 2,
  });
  if (!survey) return <p role="status">Opening the survey…</p>;
  const draft = survey.draft as Record<string, unknown>;
  const core = new Set(survey.instrument ? questionsOf(survey.instrument.json as Record<string, unknown>).map((q) => q.name) : []);

  async function saveDraft(json: Record<string, unknown>, done: string): Promise<boolean> {
    const result = await save({ input: { surveyId, json } });
    if (result.error) {
      setProblems(problemsOf(result.error));
      setNotice(null);
      return false;
    }
    setProblems([]);
    setNotice(done);
    refetch({ requestPolicy: 'network-only' });
    return true;
  }

  async function addQuestion(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const choices = String(values.get('choices') ?? '').split('\n').map((c) => c.trim()).filter(Boolean);
    const question = newQuestion(type, String(values.get('name')), String(values.get('title')), choices);
    if (await saveDraft(withQuestion(draft, question), `Added "${String(values.get('title'))}".`)) form.reset();
  }

  async function saveJson(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(String(new FormData(event.currentTarget).get('json'))) as Record<string, unknown>;
    } catch {
      setProblems([{ path: '$', message: 'The JSON does not parse: check its brackets and quotes' }]);
      return;
    }
    await saveDraft(json, 'Saved the JSON.');
  }

  async function publishDraft() {
    const result = await publish({ id: surveyId });
    if (result.error) setProblems(problemsOf(result.error));
    else {
      setProblems([]);
      setNotice(`Published version ${result.data!.publishSurvey.number}.`);
      refetch({ requestPolicy: 'network-only' });
      onChanged();
    }
  }

  async function scheduleCampaign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const made = await createCampaign({
      input: {
        surveyId,
        versionNumber: versions[versions.length - 1]!.number,
        name: String(values.get('campaign')),
        audience: { organisationId: organisation!.id, roleIds: [], settingIds: [] },
        schedule: { kind: 'WINDOW', opensOn: String(values.get('opens')), closesOn: String(values.get('closes')) },
      },
    });
    if (made.error) {
      setProblems(problemsOf(made.error));
      return;
    }
    const scheduled = await schedule({ id: made.data!.createCampaign.id });
    if (scheduled.error) setProblems(problemsOf(scheduled.error));
    else {
      setProblems([]);
      setNotice(`Scheduled "${String(values.get('campaign'))}" for ${made.data!.createCampaign.audiencePreview} staff.`);
      onChanged();
    }
  }

  const diff = diffData?.survey.diff;
  return (
    <section className="card studio" aria-labelledby="studio-heading">
      <h2 id="studio-heading">{survey.title}</h2>
      {survey.instrument && <p className="muted">From the instrument {survey.instrument.title}: its questions are core and cannot change.</p>}
      {notice && <p role="status">{notice}</p>}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Not saved:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>Questions</h3>
      <ol className="questions">
        {questionsOf(draft).map((q) => (
          <li key={q.name}>
            {q.title} <span className="muted">({q.type})</span>{' '}
            {core.has(q.name) ? (
              <span className="badge">Core, locked</span>
            ) : (
              <button type="button" onClick={() => saveDraft(withoutQuestion(draft, q.name), `Removed "${q.title}".`)}>
                Remove <span className="visually-hidden">{q.title}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      <form className="form" onSubmit={addQuestion} aria-label="Add a question">
        <h3>Add a question of your own</h3>
        <label htmlFor={ids.type}>Type</label>
        <select id={ids.type} value={type} onChange={(event) => setType(event.target.value)}>
          {QUESTION_TYPES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.title}>Question</label>
        <input id={ids.title} name="title" required maxLength={500} />
        <label htmlFor={ids.name}>Name (a code: letters, digits, underscores; unique in the form)</label>
        <input id={ids.name} name="name" required pattern="[A-Za-z][A-Za-z0-9_]*" />
        {CHOICE_TYPES.has(type) && (
          <>
            <label htmlFor={ids.choices}>Choices, one per line</label>
            <textarea id={ids.choices} name="choices" rows={4} required />
          </>
        )}
        <button type="submit" className="primary">
          Add question
        </button>
      </form>
      <details>
        <summary>Edit the SurveyJS JSON</summary>
        <form className="form" onSubmit={saveJson} aria-label="Edit the JSON">
          <label htmlFor={ids.json}>SurveyJS JSON</label>
          <textarea id={ids.json} name="json" rows={14} defaultValue={JSON.stringify(draft, null, 2)} key={JSON.stringify(draft)} />
          <button type="submit">Save JSON</button>
        </form>
      </details>
      <h3>Preview</h3>
      <SurveyPreview json={draft} />
      <div className="actions">
        <button type="button" className="primary" onClick={publishDraft}>
          Publish
        </button>
      </div>
      <h3>Versions</h3>
      {versions.length ? (
        <ul className="plain">
          {versions.map((v) => (
            <li key={v.number}>
              Version {v.number}, published {v.publishedAt.slice(0, 10)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Not published yet.</p>
      )}
      {diff && (
        <div aria-label={`Changes in version ${versions.length}`} role="group">
          <p>
            Changes in version {versions.length}: {diff.added.length ? `added ${diff.added.join(', ')}` : 'nothing added'};{' '}
            {diff.removed.length ? `removed ${diff.removed.join(', ')}` : 'nothing removed'};{' '}
            {diff.changed.length ? `changed ${diff.changed.map((c) => `${c.name} (${c.properties.join(', ')})`).join(', ')}` : 'nothing changed'}.
          </p>
        </div>
      )}
      {versions.length > 0 && organisation && (
        <form className="form" onSubmit={scheduleCampaign} aria-label="Schedule a campaign">
          <h3>Schedule a campaign of version {versions[versions.length - 1]!.number}</h3>
          <p>It asks the staff in new roles in {organisation.name}.</p>
          <label htmlFor={ids.campaign}>Campaign name</label>
          <input id={ids.campaign} name="campaign" required maxLength={200} />
          <label htmlFor={ids.opens}>Opens on</label>
          <input id={ids.opens} name="opens" type="date" required />
          <label htmlFor={ids.closes}>Closes on</label>
          <input id={ids.closes} name="closes" type="date" required />
          <button type="submit" className="primary">
            Schedule campaign
          </button>
        </form>
      )}
    </section>
  );
}
