import type { ReactNode } from 'react';
import { movingQuestion, pagesOf, titleText, withoutPage, withoutQuestion, withPage, type Json } from './form-json';

export type Opened = { name: string; what: 'edit' | 'welsh' } | null;

/**
 * The draft's pages and their questions. Core questions are marked locked; the trust's own can be
 * moved, edited and removed. Any question can be given Welsh and logic; the open editor shows in place.
 */
export function QuestionList({
  draft,
  core,
  manages,
  opened,
  onOpen,
  editor,
  onChange,
}: {
  draft: Json;
  core: ReadonlySet<string>;
  manages: boolean;
  opened: Opened;
  onOpen: (opened: Opened) => void;
  /** The editor for the opened question. */
  editor: ReactNode;
  onChange: (json: Json, done: string) => void;
}) {
  const pages = pagesOf(draft);
  const all = pages.flatMap((p) => (p.elements ?? []).map((q) => String(q.name)));
  return (
    <div className="question-list">
      {pages.map((page, p) => (
        <section key={`${page.name}-${p}`} aria-labelledby={`page-${p}`}>
          <h4 id={`page-${p}`}>
            Page {p + 1}
            {page.title ? `: ${titleText(page.title)}` : ''}
          </h4>
          {(page.elements ?? []).length === 0 && (
            <p className="muted">
              No questions yet.{' '}
              {manages && (
                <button type="button" onClick={() => onChange(withoutPage(draft, p), `Removed page ${p + 1}.`)}>
                  Remove page {p + 1}
                </button>
              )}
            </p>
          )}
          <ol className="questions">
            {(page.elements ?? []).map((q) => {
              const name = String(q.name);
              const title = titleText(q.title) || name;
              const locked = core.has(name);
              const at = all.indexOf(name);
              return (
                <li key={name}>
                  {title} <span className="muted">({String(q.type)})</span> {locked && <span className="badge">Core, locked</span>}{' '}
                  {typeof q.title === 'object' && <span className="badge" lang="cy">Cymraeg</span>}{' '}
                  {q.visibleIf || q.enableIf ? <span className="badge">Logic</span> : null}
                  {manages && (
                    <span className="row-actions">
                      {!locked && (
                        <>
                          <button type="button" disabled={at === 0} onClick={() => onChange(movingQuestion(draft, name, -1), `Moved "${title}" up.`)}>
                            Up <span className="visually-hidden">{title}</span>
                          </button>
                          <button type="button" disabled={at === all.length - 1} onClick={() => onChange(movingQuestion(draft, name, 1), `Moved "${title}" down.`)}>
                            Down <span className="visually-hidden">{title}</span>
                          </button>
                        </>
                      )}
                      <button type="button" aria-expanded={opened?.name === name && opened.what === 'edit'} onClick={() => onOpen(opened?.name === name && opened.what === 'edit' ? null : { name, what: 'edit' })}>
                        {locked ? 'Logic' : 'Edit'} <span className="visually-hidden">{title}</span>
                      </button>
                      <button type="button" aria-expanded={opened?.name === name && opened.what === 'welsh'} onClick={() => onOpen(opened?.name === name && opened.what === 'welsh' ? null : { name, what: 'welsh' })}>
                        Welsh <span className="visually-hidden">{title}</span>
                      </button>
                      {!locked && (
                        <button type="button" onClick={() => onChange(withoutQuestion(draft, name), `Removed "${title}".`)}>
                          Remove <span className="visually-hidden">{title}</span>
                        </button>
                      )}
                    </span>
                  )}
                  {opened?.name === name && editor}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {manages && (
        <button type="button" onClick={() => onChange(withPage(draft), `Added page ${pages.length + 1}.`)}>
          Add a page
        </button>
      )}
    </div>
  );
}
