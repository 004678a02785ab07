import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ReportOptionsQuery, SafeGroupsQuery } from './report-query';
import { DIMENSIONS, TENURE_BANDS, type Dimension, type FilterState } from './report-filter';

function Choices({ legend, options, chosen, onChange, hint = 'None ticked: all of them.' }: { legend: string; options: [string, string][]; chosen: string[]; onChange: (chosen: string[]) => void; hint?: string }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {options.map(([value, label]) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((c) => c !== value))}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** The groups of a breakdown that can be shown on their own: the only ones worth filtering to. */
const shownOf = (rows: { key: string | null; label: string; figures: { suppressed: boolean } }[] | undefined): [string, string][] =>
  (rows ?? []).flatMap((r) => (r.key && !r.figures.suppressed ? [[r.key, r.label] as [string, string]] : []));

/** The report's filters: what is chosen is asked for when the form is sent. */
export function ReportFilters({ initial, onShow }: { initial: FilterState; onShow: (state: FilterState) => void }) {
  const [{ data }] = useQuery({ query: ReportOptionsQuery });
  const [state, setState] = useState(initial);
  // Only roles and settings with enough responses to show on their own are offered.
  const [{ data: safe }] = useQuery({ query: SafeGroupsQuery, variables: { filter: { instrument: state.instrument, organisationId: state.organisationId } } });
  const set = (change: Partial<FilterState>) => setState({ ...state, ...change });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onShow(state);
  };
  return (
    <form className="report-filters" aria-label="Report filters" onSubmit={submit}>
      <label>
        Instrument
        <select value={state.instrument} onChange={(e) => set({ instrument: e.target.value })}>
          {(data?.instruments ?? [{ code: state.instrument, title: state.instrument }]).map((i) => (
            <option key={i.code} value={i.code}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      <Choices
        legend="Roles"
        hint="Those with enough responses to show. None ticked: all roles."
        options={shownOf(safe?.roleEvaluation.byRole.rows)}
        chosen={state.roleIds}
        onChange={(roleIds) => set({ roleIds })}
      />
      <Choices
        legend="Settings"
        hint="Those with enough responses to show. None ticked: all settings."
        options={shownOf(safe?.roleEvaluation.bySetting.rows)}
        chosen={state.settingIds}
        onChange={(settingIds) => set({ settingIds })}
      />
      <Choices legend="Months in post" options={TENURE_BANDS} chosen={state.tenureBands} onChange={(tenureBands) => set({ tenureBands })} />
      <div className="period">
        <label>
          From (month answered)
          <input type="month" value={state.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          To
          <input type="month" value={state.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
      </div>
      <label>
        Break down by
        <select value={state.by} onChange={(e) => set({ by: e.target.value as Dimension })}>
          {DIMENSIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="submit">Show the report</button>
      </div>
    </form>
  );
}
