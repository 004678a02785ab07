import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';

const TrustQuery = graphql(`
  query SurveyPageTrust($id: ID!) {
    organisation(id: $id) {
      id
      name
      parent {
        id
      }
      tenant {
        id
        name
      }
      contactEmail
      privacyNoticeUrl
      logo
    }
  }
`);

const UpdateTrust = graphql(`
  mutation UpdateSurveyPage($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      contactEmail
      privacyNoticeUrl
      logo
    }
  }
`);

/** The largest logo the server takes, in bytes (the directory's rule, said again here so a person hears it before uploading). */
const LOGO_MAX_BYTES = 20_000;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

type Field = 'contactEmail' | 'privacyNoticeUrl' | 'logo';
type Problems = Partial<Record<Field, string>>;

const FIELDS: ReadonlySet<string> = new Set<Field>(['contactEmail', 'privacyNoticeUrl', 'logo']);

/** Each problem the server named, by the field it is about (a validation's `input.contactEmail`, or a rule's `field`). */
function problemsFrom(error: { graphQLErrors: { message: string; extensions?: Record<string, unknown> }[] }): Problems {
  const found: Problems = {};
  for (const e of error.graphQLErrors) {
    const listed = (e.extensions?.problems as { field?: string; message: string }[] | undefined) ?? [{ field: e.extensions?.field as string | undefined, message: e.message }];
    for (const p of listed) {
      const field = (p.field?.split('.').pop() ?? '') as Field;
      if (FIELDS.has(field)) found[field] = p.message;
      else found.contactEmail ??= p.message;
    }
  }
  return found;
}

/** A file as a data: URL. */
const dataUrlOf = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * What staff see around their survey, set on the trust: whom to write to, its privacy notice
 * and its logo, with the page's header as it will look. Problems show beside their fields, a
 * summary above links to each, and focus moves to it.
 */
export function SurveyPageSettings() {
  const working = useWorkingOrganisation();
  const [{ data, fetching, error }] = useQuery({ query: TrustQuery, variables: { id: working?.id ?? '' }, pause: !working });
  const [, update] = useMutation(UpdateTrust);
  const id = useId();
  const summary = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const trust = data?.organisation;
  useEffect(() => setLogo(undefined), [trust?.id]);
  const shownLogo = logo === undefined ? (trust?.logo ?? null) : logo;
  useEffect(() => {
    if (Object.keys(problems).length) summary.current?.focus();
  }, [problems]);

  if (!working) return <h1>Survey page</h1>;
  if (fetching && !data) return <p role="status">Loading…</p>;
  if (error || !trust) {
    return (
      <p role="alert" className="error">
        Could not load {working.name}: {error?.message ?? 'not found'}
      </p>
    );
  }
  if (trust.parent) {
    return (
      <>
        <h1>Survey page</h1>
        <p>
          What staff see around their survey (whom to write to, the privacy notice and the logo) is set on the trust, {trust.tenant.name}, by its trust admins.
        </p>
      </>
    );
  }

  const chooseLogo = async (file: File | undefined) => {
    setSaved(null);
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type)) return setProblems({ logo: `The logo is a PNG, JPEG or WebP image; "${file.name}" is not` });
    if (file.size > LOGO_MAX_BYTES) return setProblems({ logo: `"${file.name}" is ${file.size.toLocaleString('en-GB')} bytes; the most is ${LOGO_MAX_BYTES.toLocaleString('en-GB')}. A header logo 400 pixels wide is usually well under that.` });
    setProblems({});
    setLogo(await dataUrlOf(file));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = new FormData(event.currentTarget);
    const result = await update({
      input: {
        id: trust.id,
        contactEmail: String(values.get('contactEmail') ?? '').trim(),
        privacyNoticeUrl: String(values.get('privacyNoticeUrl') ?? '').trim(),
        ...(logo === undefined ? {} : { logo: logo ?? '' }),
      },
    });
    if (result.error) {
      setSaved(null);
      setProblems(problemsFrom(result.error));
      return;
    }
    setProblems({});
    setLogo(undefined);
    setSaved(`Saved. Staff see this on their survey page from now on.`);
  };

  const listed = Object.entries(problems) as [Field, string][];
  const invalid = (field: Field) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-problem` } : {});
  const problemFor = (field: Field) =>
    problems[field] && (
      <p id={`${id}-${field}-problem`} className="field-problem">
        <span className="visually-hidden">Problem: </span>
        {problems[field]}
      </p>
    );
  return (
    <>
      <h1>Survey page</h1>
      <p>What staff of {trust.name} see around every survey they are sent: the trust&rsquo;s logo and name at the top, and under the survey whom to write to and the privacy notice.</p>
      {listed.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={`${id}-summary`}>
          <h2 id={`${id}-summary`}>There is a problem</h2>
          <ul>
            {listed.map(([field, message]) => (
              <li key={field}>
                <a href={`#${id}-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="card form" aria-label="Survey page" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={`${id}-contactEmail`}>Contact email</label>
        <p className="hint">Staff write here with questions about a survey. Leave it empty to show none.</p>
        {problemFor('contactEmail')}
        <input id={`${id}-contactEmail`} name="contactEmail" type="email" autoComplete="off" defaultValue={trust.contactEmail ?? ''} maxLength={254} {...invalid('contactEmail')} />
        <label htmlFor={`${id}-privacyNoticeUrl`}>Privacy notice</label>
        <p className="hint">The address of your privacy notice, starting https://.</p>
        {problemFor('privacyNoticeUrl')}
        <input id={`${id}-privacyNoticeUrl`} name="privacyNoticeUrl" type="url" defaultValue={trust.privacyNoticeUrl ?? ''} maxLength={2000} {...invalid('privacyNoticeUrl')} />
        <label htmlFor={`${id}-logo`}>Logo</label>
        <p className="hint">A PNG, JPEG or WebP image of at most 20,000 bytes, shown at most 48 pixels high on a white background.</p>
        {problemFor('logo')}
        <input id={`${id}-logo`} type="file" accept={LOGO_TYPES.join(',')} onChange={(event) => void chooseLogo(event.currentTarget.files?.[0])} {...invalid('logo')} />
        {shownLogo && (
          <p>
            <button type="button" onClick={() => setLogo(null)}>
              Remove the logo
            </button>
          </p>
        )}
        <h2 className="preview-heading">How the top of the page will look</h2>
        <div className="site-header respondent-header" aria-label="The top of a survey page, as staff will see it" role="img">
          <p className="brand">
            {shownLogo && <img className="trust-logo" src={shownLogo} alt="" />}
            {trust.name}
          </p>
        </div>
        <p>
          <button type="submit" className="primary">
            Save
          </button>
        </p>
        {saved && <p role="status">{saved}</p>}
      </form>
    </>
  );
}
