import { useId, useState, type FormEvent } from 'react';
import type { Json } from './form-json';
import { translatableTexts, withTranslations } from './translations';

/** The Welsh of every text of one question a respondent reads; the English stays as it is. */
export function TranslationEditor({ question, onSave, onCancel }: { question: Json; onSave: (question: Json) => Promise<boolean>; onCancel: () => void }) {
  const texts = translatableTexts(question, 'cy');
  const [welsh, setWelsh] = useState<Record<string, string>>(() => Object.fromEntries(texts.map((t) => [t.key, t.translation])));
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await onSave(withTranslations(question, 'cy', welsh));
  }

  return (
    <form className="form translation-editor" onSubmit={submit} aria-label={`Welsh for ${String(question.name)}`} lang="en">
      <h3>Welsh (Cymraeg) for {String(question.name)}</h3>
      <p className="muted">Respondents who choose Cymraeg see these; a text left empty shows in English.</p>
      {texts.map((text) => (
        <div key={text.key} className="translation">
          <label htmlFor={`${id}-${text.key}`}>
            {text.label}: <span className="muted">{text.english}</span>
          </label>
          <input id={`${id}-${text.key}`} lang="cy" value={welsh[text.key] ?? ''} onChange={(event) => setWelsh({ ...welsh, [text.key]: event.target.value })} />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          Save Welsh
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
