import { useId, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { TableScroll } from '../../app/TableScroll';
import { graphql, type ResultOf } from '../../graphql';
import { useWorkingOrganisation } from '../../app/working-organisation';

export const ImportStaffMutation = graphql(`
  mutation ImportStaff($input: ImportStaffInput!) {
    importStaff(input: $input) {
      applied
      rows
      created
      changed
      updated
      left
      unchanged
      ignoredColumns
      problems {
        row
        column
        value
        message
      }
    }
  }
`);

const ProgressQuery = graphql(`
  query StaffImportProgress($id: ID!) {
    staffImport(id: $id) {
      phase
      processed
      total
    }
  }
`);

type Report = ResultOf<typeof ImportStaffMutation>['importStaff'];

/** Check a staff CSV (every problem by row and column), then apply it all at once. */
export function ImportStaffPage() {
  const organisation = useWorkingOrganisation();
  const client = useClient();
  const [, importStaff] = useMutation(ImportStaffMutation);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState<null | 'checking' | 'applying'>(null);
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const fileId = useId();
  const resultRef = useRef<HTMLDivElement>(null);

  async function run(apply: boolean) {
    if (!csv || !organisation) return;
    setBusy(apply ? 'applying' : 'checking');
    setFailure(null);
    const importId = crypto.randomUUID();
    const timer = window.setInterval(async () => {
      const { data } = await client.query(ProgressQuery, { id: importId }, { requestPolicy: 'network-only' }).toPromise();
      if (data?.staffImport) setProgress({ processed: data.staffImport.processed, total: data.staffImport.total });
    }, 300);
    try {
      const result = await importStaff({ input: { organisationId: organisation.id, csv: csv.text, apply, importId } });
      if (result.data) setReport(result.data.importStaff);
      else setFailure(result.error?.graphQLErrors[0]?.message ?? result.error?.message ?? 'The import failed');
    } finally {
      window.clearInterval(timer);
      setBusy(null);
      setProgress(null);
      resultRef.current?.focus();
    }
  }

  return (
    <>
      <h1>Import staff</h1>
      <p>
        A CSV with one row per member of staff in a new role, such as an ESR export. Required columns: <code>external_ref</code> (or
        Assignment Number), <code>role</code>, <code>employing_organisation</code> (ODS code or exact name) and <code>start_date</code>. Staff are
        matched by reference, so importing the same file twice changes nothing. Nothing is written until the whole file is free of problems.
      </p>
      <div className="card form">
        <label htmlFor={fileId}>Staff file (CSV)</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setReport(null);
            setCsv(file ? { name: file.name, text: await file.text() } : null);
          }}
        />
        <div className="actions">
          <button type="button" disabled={!csv || busy !== null} onClick={() => run(false)}>
            Check the file
          </button>
          <button type="button" className="primary" disabled={!report || report.applied || report.problems.length > 0 || busy !== null} onClick={() => run(true)}>
            Import {report && !report.applied ? report.rows : ''} staff
          </button>
        </div>
        {busy && (
          <div role="status">
            <p>{busy === 'checking' ? 'Checking every row…' : 'Importing…'}</p>
            <progress max={progress?.total || 1} value={progress?.processed ?? 0} aria-label="Progress">
              {progress ? `${progress.processed} of ${progress.total}` : ''}
            </progress>
          </div>
        )}
      </div>
      <div ref={resultRef} tabIndex={-1}>
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
        {report && <ImportReport report={report} fileName={csv?.name ?? ''} />}
      </div>
    </>
  );
}

function ImportReport({ report, fileName }: { report: Report; fileName: string }) {
  return (
    <section className="card" aria-labelledby="import-result">
      <h2 id="import-result">
        {report.applied ? `Imported ${fileName}` : report.problems.length ? `${report.problems.length} problems in ${fileName}: nothing imported` : `${fileName} is ready to import`}
      </h2>
      <dl className="counts">
        <dt>Rows</dt>
        <dd>{report.rows}</dd>
        <dt>New</dt>
        <dd>{report.created}</dd>
        <dt>Changed role or place</dt>
        <dd>{report.changed}</dd>
        <dt>Other details updated</dt>
        <dd>{report.updated}</dd>
        <dt>Left</dt>
        <dd>{report.left}</dd>
        <dt>Unchanged</dt>
        <dd>{report.unchanged}</dd>
      </dl>
      {report.ignoredColumns.length > 0 && <p>Columns not used: {report.ignoredColumns.join(', ')}.</p>}
      {report.problems.length > 0 && (
        <TableScroll label="Problems">
          <table>
            <caption>Problems, by row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={index}>
                  <td>{problem.row}</td>
                  <td>{problem.column ?? '—'}</td>
                  <td>{problem.value ?? ''}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
