import { useId, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../graphql';
import { TableScroll } from '../../app/TableScroll';

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

const VersionJson = graphql(`
  query SurveyVersionJson($id: ID!, $number: Int!) {
    survey(id: $id) {
      id
      version(number: $number) {
        number
        json
      }
    }
  }
`);

export interface VersionRow {
  number: number;
  publishedAt: string;
  contentHash: string;
  publishedBy: { displayName: string } | null;
}

/** Saves JSON as a file the browser downloads. */
function download(json: unknown, filename: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

const fileName = (title: string, number: number) => `${title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'survey'}-v${number}.json`;

/** Published versions: who and when, export any as SurveyJS JSON, and what changed between any two. */
export function VersionHistory({ surveyId, title, versions }: { surveyId: string; title: string; versions: VersionRow[] }) {
  const client = useClient();
  const latest = versions.length;
  const [from, setFrom] = useState(Math.max(latest - 1, 1));
  const [to, setTo] = useState(latest);
  const ids = { from: useId(), to: useId() };
  const [{ data, error }] = useQuery({ query: DiffQuery, variables: { id: surveyId, from, to }, pause: latest < 2 || from === to });
  if (!latest) return <p>Not published yet.</p>;

  async function exportVersion(number: number) {
    const result = await client.query(VersionJson, { id: surveyId, number }, { requestPolicy: 'network-only' }).toPromise();
    const version = result.data?.survey.version;
    if (version) download(version.json, fileName(title, number));
  }

  const diff = data?.survey.diff;
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      Version {v.number}
    </option>
  ));
  return (
    <>
      <TableScroll label="Versions">
        <table>
          <caption className="visually-hidden">Published versions</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">Content hash</th>
              <th scope="col">SurveyJS JSON</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.number}>
                <td>{v.number}</td>
                <td>{new Date(v.publishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>{v.publishedBy?.displayName ?? 'Harbour'}</td>
                <td>
                  <code title={v.contentHash}>{v.contentHash.slice(0, 12)}</code>
                </td>
                <td>
                  <button type="button" onClick={() => exportVersion(v.number)}>
                    Export <span className="visually-hidden">version {v.number}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {latest > 1 && (
        <div className="filters" role="group" aria-label="Compare versions">
          <div>
            <label htmlFor={ids.from}>Compare</label>
            <select id={ids.from} value={from} onChange={(event) => setFrom(Number(event.target.value))}>
              {options}
            </select>
          </div>
          <div>
            <label htmlFor={ids.to}>with</label>
            <select id={ids.to} value={to} onChange={(event) => setTo(Number(event.target.value))}>
              {options}
            </select>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error.graphQLErrors[0]?.message ?? error.message}
        </p>
      )}
      {from === to && latest > 1 && <p>Choose two different versions to compare.</p>}
      {diff && from !== to && (
        <div aria-label={`Changes from version ${from} to version ${to}`} role="group" aria-live="polite">
          <p>
            From version {from} to version {to}: {diff.added.length ? `added ${diff.added.join(', ')}` : 'nothing added'};{' '}
            {diff.removed.length ? `removed ${diff.removed.join(', ')}` : 'nothing removed'};{' '}
            {diff.changed.length ? `changed ${diff.changed.map((c) => `${c.name} (${c.properties.join(', ')})`).join(', ')}` : 'nothing changed'}.
          </p>
        </div>
      )}
    </>
  );
}
