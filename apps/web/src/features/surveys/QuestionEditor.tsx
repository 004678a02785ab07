import { useId, useState, type FormEvent } from 'react';
import type { Json, Page } from './form-json';
import { titleText } from './form-json';
import { CHOICE_TYPES, fieldsOf, linesOf, questionFrom, QUESTION_TYPES, type QuestionFields } from './question-fields';

const BLANK: Json = { type: 'text', name: '', title: '' };

/**
 * Adds a question of the trust's own, or edits one. A core question's wording, choices and scale
 * are shown but locked: only its logic and whether it must be answered can change.
 */
export function QuestionEditor({
  question,
  core = false,
  pages,
  onSave,
  onCancel,
}: {
  /** The question to edit; a new one when absent. */
  question?: Json;
  core?: boolean;
  /** Pages a new question may go on. */
  pages: Page[];
  onSave: (question: Json, page: number) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const editing = question !== undefined;
  const [fields, setFields] = useState<QuestionFields>(() => fieldsOf(question ?? BLANK));
  const [page, setPage] = useState(Math.max(pages.length - 1, 0));
  const id = useId();
  const change = (patch: Partial<QuestionFields>) => setFields({ ...fields, ...patch });
  const label = editing ? `Edit question ${fields.name}` : 'Add a question';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tidy = (list: string[]) => linesOf(list.join('\n'));
    const final = { ...fields, choices: tidy(fields.choices), rows: tidy(fields.rows), columns: tidy(fields.columns) };
    if (await onSave(questionFrom(final, question, core), page)) {
      if (!editing) setFields(fieldsOf(BLANK));
    }
  }

  const lines = (key: 'choices' | 'rows' | 'columns', text: string, hint: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{text}</label>
      <textarea
        id={`${id}-${key}`}
        rows={4}
        required
        disabled={core}
        aria-describedby={`${id}-${key}-hint`}
        value={fields[key].join('\n')}
        onChange={(event) => change({ [key]: event.target.value.split('\n') })}
        onBlur={(event) => change({ [key]: linesOf(event.target.value) })}
      />
      <span id={`${id}-${key}-hint`} className="muted">
        {hint}
      </span>
    </>
  );

  return (
    <form className="form question-editor" onSubmit={submit} aria-label={label}>
      <h3>{editing ? `Edit "${titleText(question.title) || fields.name}"` : 'Add a question of your own'}</h3>
      {core && <p className="muted">A core question: its wording, choices and scale come from the instrument and are locked.</p>}
      <label htmlFor={`${id}-type`}>Type</label>
      <select id={`${id}-type`} value={fields.type} disabled={core} onChange={(event) => change({ type: event.target.value })}>
        {QUESTION_TYPES.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
        {!QUESTION_TYPES.some(([value]) => value === fields.type) && <option value={fields.type}>{fields.type}</option>}
      </select>
      <label htmlFor={`${id}-title`}>Question</label>
      <input id={`${id}-title`} required maxLength={500} disabled={core} value={fields.title} onChange={(event) => change({ title: event.target.value })} />
      <label htmlFor={`${id}-name`}>Name (a code: letters, digits, underscores; unique in the form)</label>
      <input
        id={`${id}-name`}
        required
        pattern="[A-Za-z][A-Za-z0-9_]*"
        readOnly={editing}
        aria-describedby={editing ? `${id}-name-hint` : undefined}
        value={fields.name}
        onChange={(event) => change({ name: event.target.value })}
      />
      {editing && (
        <span id={`${id}-name-hint`} className="muted">
          A name stays as it is: answers and logic refer to it.
        </span>
      )}
      {CHOICE_TYPES.has(fields.type) && lines('choices', 'Choices, one per line', 'Each line is one choice respondents see.')}
      {fields.type === 'matrix' && (
        <>
          {lines('rows', 'Rows, one per line', 'Each row is a statement respondents rate.')}
          {lines('columns', 'Columns, one per line', 'The same answers for every row, e.g. Never, Sometimes, Often.')}
        </>
      )}
      {fields.type === 'rating' && (
        <fieldset disabled={core}>
          <legend>Scale</legend>
          <label htmlFor={`${id}-min`}>From</label>
          <input id={`${id}-min`} type="number" min={0} max={10} required value={fields.rateMin} onChange={(event) => change({ rateMin: Number(event.target.value) })} />
          <label htmlFor={`${id}-max`}>To</label>
          <input id={`${id}-max`} type="number" min={1} max={10} required value={fields.rateMax} onChange={(event) => change({ rateMax: Number(event.target.value) })} />
          <label htmlFor={`${id}-min-label`}>Label of the lowest (optional)</label>
          <input id={`${id}-min-label`} value={fields.minLabel} onChange={(event) => change({ minLabel: event.target.value })} />
          <label htmlFor={`${id}-max-label`}>Label of the highest (optional)</label>
          <input id={`${id}-max-label`} value={fields.maxLabel} onChange={(event) => change({ maxLabel: event.target.value })} />
        </fieldset>
      )}
      <div className="checkbox">
        <input id={`${id}-required`} type="checkbox" checked={fields.required} onChange={(event) => change({ required: event.target.checked })} />
        <label htmlFor={`${id}-required`}>Must be answered</label>
      </div>
      <details open={Boolean(fields.visibleIf || fields.enableIf)}>
        <summary>Logic</summary>
        <p id={`${id}-logic-hint`} className="muted">
          A SurveyJS expression naming other questions in braces, e.g. <code>{"{bel_where} = 'nowhere'"}</code> or <code>{'{loc_hours} > 20'}</code>.
        </p>
        <label htmlFor={`${id}-visible`}>Show only if</label>
        <input id={`${id}-visible`} aria-describedby={`${id}-logic-hint`} value={fields.visibleIf} onChange={(event) => change({ visibleIf: event.target.value })} />
        <label htmlFor={`${id}-enable`}>Let it be answered only if</label>
        <input id={`${id}-enable`} aria-describedby={`${id}-logic-hint`} value={fields.enableIf} onChange={(event) => change({ enableIf: event.target.value })} />
      </details>
      {!editing && pages.length > 1 && (
        <>
          <label htmlFor={`${id}-page`}>Page</label>
          <select id={`${id}-page`} value={page} onChange={(event) => setPage(Number(event.target.value))}>
            {pages.map((p, index) => (
              <option key={index} value={index}>
                Page {index + 1}
                {p.title ? `: ${titleText(p.title)}` : ''}
              </option>
            ))}
          </select>
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {editing ? 'Save question' : 'Add question'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
