import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { ProblemsAlert, problemsOf, type Problem } from '../../app/problems';
import { searchParam } from '../../app/router';

const PlanningQuery = graphql(`
  query CampaignPlanning($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      name
      surveys(first: 100) {
        nodes {
          id
          title
          versions {
            number
          }
        }
      }
    }
    roles {
      id
      name
    }
    settings {
      id
      name
    }
  }
`);

const CreateCampaign = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      id
      name
      audiencePreview
    }
  }
`);

type Kind = 'WINDOW' | 'RECURRING' | 'LIFECYCLE';
type Anonymity = 'ANONYMOUS' | 'PSEUDONYMOUS' | 'IDENTIFIED';

const KINDS: [Kind, string][] = [
  ['WINDOW', 'Once, between two dates'],
  ['RECURRING', 'Every few weeks'],
  ['LIFECYCLE', 'A set number of days after each person starts'],
];
const ANONYMITIES: [Anonymity, string, string][] = [
  ['PSEUDONYMOUS', 'Pseudonymous', "One person's answers are linked over time and to leaving, never to their name."],
  ['ANONYMOUS', 'Anonymous', 'Answers keep no link to the person; times are kept to the day.'],
  ['IDENTIFIED', 'Identified', 'Answers are linked to the person, and the first page says so. For forms that are not sensitive.'],
];

const optionalNumber = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : Number(value));
const optionalText = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? null : String(value));

/** Plans a campaign: which published version, who (subtree, roles, settings, tenure), when, and how anonymous. Made as a draft. */
export function CampaignForm({ organisationId, onCreated }: { organisationId: string; onCreated: () => void }) {
  const [{ data }] = useQuery({ query: PlanningQuery, variables: { organisationId } });
  const [, create] = useMutation(CreateCampaign);
  const [surveyId, setSurveyId] = useState(searchParam('survey') ?? '');
  const [kind, setKind] = useState<Kind>('WINDOW');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  if (!data) return <p role="status">Loading surveys…</p>;
  const published = data.organisation.surveys.nodes.filter((s) => s.versions.length);
  const survey = published.find((s) => s.id === surveyId) ?? published[0];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = await create({
      input: {
        surveyId: survey!.id,
        versionNumber: Number(values.get('version')),
        name: String(values.get('name')),
        audience: {
          organisationId,
          roleIds: values.getAll('role').map(String),
          settingIds: values.getAll('setting').map(String),
          startedWithinDays: optionalNumber(values.get('startedWithinDays')),
          startedAtLeastDaysAgo: optionalNumber(values.get('startedAtLeastDaysAgo')),
        },
        schedule: {
          kind,
          opensOn: String(values.get('opensOn')),
          closesOn: kind === 'WINDOW' ? optionalText(values.get('closesOn')) : null,
          everyWeeks: kind === 'RECURRING' ? optionalNumber(values.get('everyWeeks')) : null,
          windowDays: kind === 'WINDOW' ? null : optionalNumber(values.get('windowDays')),
          daysAfterStart: kind === 'LIFECYCLE' ? optionalNumber(values.get('daysAfterStart')) : null,
          until: kind === 'WINDOW' ? null : optionalText(values.get('until')),
        },
        anonymity: String(values.get('anonymity')) as Anonymity,
        minGroupSize: Number(values.get('minGroupSize')),
        minComments: Number(values.get('minComments')),
        preferNotToSay: values.get('preferNotToSay') === 'on',
      },
    });
    if (result.error) {
      setProblems(problemsOf(result.error));
      setNotice(null);
      return;
    }
    const made = result.data!.createCampaign;
    setProblems([]);
    setNotice(`Saved "${made.name}" as a draft: ${made.audiencePreview} staff are in its audience now. Schedule it from the list when it is right.`);
    form.reset();
    onCreated();
  }

  if (!published.length) return <p>Publish a survey first: a campaign sends a published version.</p>;
  return (
    <form className="card form campaign-form" onSubmit={submit} aria-label="Plan a campaign">
      <h2>Plan a campaign</h2>
      <div aria-live="polite">{notice && <p role="status">{notice}</p>}</div>
      <ProblemsAlert problems={problems} />
      <label htmlFor={`${id}-survey`}>Survey</label>
      <select id={`${id}-survey`} value={survey!.id} onChange={(event) => setSurveyId(event.target.value)}>
        {published.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-version`}>Version</label>
      <select id={`${id}-version`} name="version" key={survey!.id} defaultValue={survey!.versions[survey!.versions.length - 1]!.number}>
        {survey!.versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Campaign name</label>
      <input id={`${id}-name`} name="name" required maxLength={200} />

      <fieldset>
        <legend>Who it asks: staff in new roles in {data.organisation.name} and below</legend>
        <details>
          <summary>Only some roles (all when none is ticked)</summary>
          <div className="columns">
            {data.roles.map((role) => (
              <div className="checkbox" key={role.id}>
                <input type="checkbox" id={`${id}-role-${role.id}`} name="role" value={role.id} />
                <label htmlFor={`${id}-role-${role.id}`}>{role.name}</label>
              </div>
            ))}
          </div>
        </details>
        <details>
          <summary>Only some settings (all when none is ticked)</summary>
          <div className="columns">
            {data.settings.map((setting) => (
              <div className="checkbox" key={setting.id}>
                <input type="checkbox" id={`${id}-setting-${setting.id}`} name="setting" value={setting.id} />
                <label htmlFor={`${id}-setting-${setting.id}`}>{setting.name}</label>
              </div>
            ))}
          </div>
        </details>
        <label htmlFor={`${id}-within`}>Only staff who started in the last … days (optional)</label>
        <input id={`${id}-within`} name="startedWithinDays" type="number" min={1} max={3650} />
        <label htmlFor={`${id}-atleast`}>Only staff who started at least … days ago (optional)</label>
        <input id={`${id}-atleast`} name="startedAtLeastDaysAgo" type="number" min={0} max={3650} />
      </fieldset>

      <fieldset>
        <legend>When it asks</legend>
        {KINDS.map(([value, label]) => (
          <div className="checkbox" key={value}>
            <input type="radio" id={`${id}-kind-${value}`} name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            <label htmlFor={`${id}-kind-${value}`}>{label}</label>
          </div>
        ))}
        <label htmlFor={`${id}-opens`}>{kind === 'WINDOW' ? 'Opens on' : 'Starting on'}</label>
        <input id={`${id}-opens`} name="opensOn" type="date" required />
        {kind === 'WINDOW' && (
          <>
            <label htmlFor={`${id}-closes`}>Closes on</label>
            <input id={`${id}-closes`} name="closesOn" type="date" required />
          </>
        )}
        {kind === 'RECURRING' && (
          <>
            <label htmlFor={`${id}-every`}>Every … weeks</label>
            <input id={`${id}-every`} name="everyWeeks" type="number" min={1} max={52} required defaultValue={13} />
          </>
        )}
        {kind === 'LIFECYCLE' && (
          <>
            <label htmlFor={`${id}-after`}>Days after each person starts</label>
            <input id={`${id}-after`} name="daysAfterStart" type="number" min={0} max={730} required defaultValue={90} />
          </>
        )}
        {kind !== 'WINDOW' && (
          <>
            <label htmlFor={`${id}-window`}>Each invitation stays open for … days</label>
            <input id={`${id}-window`} name="windowDays" type="number" min={1} max={90} required defaultValue={14} />
            <label htmlFor={`${id}-until`}>Stop on (optional)</label>
            <input id={`${id}-until`} name="until" type="date" />
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>What it promises respondents</legend>
        {ANONYMITIES.map(([value, label, hint]) => (
          <div className="checkbox" key={value}>
            <input type="radio" id={`${id}-anon-${value}`} name="anonymity" value={value} defaultChecked={value === 'PSEUDONYMOUS'} aria-describedby={`${id}-anon-${value}-hint`} />
            <label htmlFor={`${id}-anon-${value}`}>{label}</label> <span id={`${id}-anon-${value}-hint`} className="muted">{hint}</span>
          </div>
        ))}
        <label htmlFor={`${id}-group`}>Smallest group a report shows</label>
        <input id={`${id}-group`} name="minGroupSize" type="number" min={3} max={100} required defaultValue={5} />
        <label htmlFor={`${id}-comments`}>Smallest group whose comments a report shows</label>
        <input id={`${id}-comments`} name="minComments" type="number" min={3} max={100} required defaultValue={10} />
        <div className="checkbox">
          <input type="checkbox" id={`${id}-refuse`} name="preferNotToSay" aria-describedby={`${id}-refuse-hint`} />
          <label htmlFor={`${id}-refuse`}>Offer &ldquo;Prefer not to say&rdquo; on every question</label>{' '}
          <span id={`${id}-refuse-hint`} className="muted">
            Nobody has to answer what they would rather not. Reports count it as no answer.
          </span>
        </div>
      </fieldset>
      <button type="submit" className="primary">
        Save as draft
      </button>
    </form>
  );
}
