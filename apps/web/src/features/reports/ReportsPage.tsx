import { useState } from 'react';
import { useWorkingOrganisation } from '../../app/working-organisation';
import { ReportFilters } from './ReportFilters';
import { ReportView } from './ReportView';
import type { FilterState } from './report-filter';

/**
 * Reports: the role evaluation for the working organisation and below, filtered and broken
 * down as the evaluator chooses; anonymity is enforced by the server, and what it withholds is
 * shown as suppressed, with the reason.
 */
export function ReportsPage() {
  const organisation = useWorkingOrganisation();
  const [shown, setShown] = useState<FilterState | null>(null);
  if (!organisation) return <h1>Reports</h1>;
  const initial: FilterState = { instrument: 'where_i_belong', organisationId: organisation.id, roleIds: [], settingIds: [], tenureBands: [], from: '', to: '', by: 'SETTING' };
  return (
    <>
      <h1>Reports</h1>
      <p className="no-print">
        The role evaluation for {organisation.name} and everything below it. Every figure rests on at least the smallest group its trust and
        campaigns allow; groups that would reveal fewer people are shown as suppressed.
      </p>
      <div className="no-print">
        <ReportFilters key={organisation.id} initial={{ ...initial, ...(shown ?? {}), organisationId: organisation.id }} onShow={setShown} />
      </div>
      {shown && <ReportView state={{ ...shown, organisationId: organisation.id }} />}
    </>
  );
}
