import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { problemsOf } from '../../app/problems';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { SurveyStudio } from './SurveyStudio';

export const SurveysQuery = graphql(`
  query SurveysOf($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      surveys(first: 100) {
        nodes {
          id
          title
          status
        }
      }
    }
    instruments {
      code
      title
      when
    }
  }
`);

const CreateSurvey = graphql(`
  mutation CreateSurvey($input: CreateSurveyInput!) {
    createSurvey(input: $input) {
      id
    }
  }
`);

const STATUS = { DRAFT: 'Draft', PUBLISHED: 'Published', ARCHIVED: 'Archived' } as const;

/** The organisation's surveys; start one from an instrument, from SurveyJS JSON or blank; open one in the studio. */
export function SurveysPage() {
  const organisation = useWorkingOrganisation();
  const [{ data, error }, refetch] = useQuery({ query: SurveysQuery, variables: { organisationId: organisation?.id ?? '' }, pause: !organisation });
  const [, create] = useMutation(CreateSurvey);
  const [open, setOpen] = useState<string | null>(null);
  const [source, setSource] = useState('instrument:where_i_belong');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { title: useId(), source: useId(), json: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    let json: Record<string, unknown> | null = null;
    if (source === 'json') {
      try {
        json = JSON.parse(String(values.get('json'))) as Record<string, unknown>;
      } catch {
        setProblem('The JSON does not parse: check its brackets and quotes');
        return;
      }
    }
    const result = await create({
      input: {
        organisationId: organisation!.id,
        title: String(values.get('title')),
        instrumentCode: source.startsWith('instrument:') ? source.slice('instrument:'.length) : null,
        json,
      },
    });
    if (result.error) {
      setProblem(
        problemsOf(result.error)
          .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
          .join('; '),
      );
      return;
    }
    setProblem(null);
    refetch({ requestPolicy: 'network-only' });
    setOpen(result.data!.createSurvey.id);
  }

  return (
    <>
      <h1>Surveys</h1>
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {data && (
        <ul className="plain survey-list">
          {data.organisation.surveys.nodes.map((survey) => (
            <li key={survey.id}>
              <button type="button" className="link-button" aria-expanded={open === survey.id} onClick={() => setOpen(open === survey.id ? null : survey.id)}>
                {survey.title}
              </button>{' '}
              <span className="muted">{STATUS[survey.status]}</span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <SurveyStudio
          key={open}
          surveyId={open}
          onChanged={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
      {organisation?.manages && (
        <form className="card form" onSubmit={submit} aria-label="Start a survey">
          <h2>Start a survey</h2>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} name="title" required maxLength={200} />
          <label htmlFor={ids.source}>Start from</label>
          <select id={ids.source} value={source} onChange={(event) => setSource(event.target.value)}>
            {data?.instruments.map((instrument) => (
              <option key={instrument.code} value={`instrument:${instrument.code}`}>
                {instrument.title} ({instrument.when.toLowerCase()})
              </option>
            ))}
            <option value="blank">A blank form</option>
            <option value="json">SurveyJS JSON written elsewhere</option>
          </select>
          {source === 'json' && (
            <>
              <label htmlFor={ids.json}>SurveyJS JSON</label>
              <textarea id={ids.json} name="json" rows={8} required />
            </>
          )}
          <button type="submit" className="primary">
            Start survey
          </button>
        </form>
      )}
    </>
  );
}
