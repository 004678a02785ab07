import { useEffect, useId, useMemo, useRef, useState } from 'react';
import 'survey-core/i18n/welsh';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { surveyModel } from '../survey/survey-model';
import { graphql } from '../graphql';
import { clearLocalDraft, newerDraft, readLocalDraft, writeLocalDraft } from './local-draft';
import type { RespondentInvitation } from '@harbour/survey-kit/respondent-page';
import { respondentClient } from './respondent-client';
import { hasWelsh, pageOf, phrase, promise, untilDay, type Language } from './words';

const SaveDraft = graphql(`
  mutation RespondentSaveDraft($input: SaveResponseDraftInput!) {
    saveResponseDraft(input: $input) {
      state
    }
  }
`);

const Submit = graphql(`
  mutation RespondentSubmit($input: SubmitResponseInput!) {
    submitResponse(input: $input) {
      repeated
      invitation {
        state
        completedOn
      }
    }
  }
`);

type Invitation = Pick<RespondentInvitation, 'anonymity' | 'preferNotToSay' | 'form' | 'answers' | 'pageNo' | 'savedAt' | 'closesOn' | 'surveyTitle'>;

/** Enter on a focused choice chooses it, as Space does (a radio button or checkbox alone takes only Space). */
function chooseOnEnter(event: React.KeyboardEvent<HTMLElement>) {
  const target = event.target as HTMLInputElement;
  if (event.key !== 'Enter' || target.tagName !== 'INPUT' || (target.type !== 'radio' && target.type !== 'checkbox')) return;
  event.preventDefault();
  target.click();
}

/** What the person reads when the line drops: what happened, and that nothing is lost. */
const OFFLINE_DRAFT = 'No connection just now: your answers are kept on this device and will be saved as soon as the connection is back.';
const OFFLINE_SUBMISSION = 'No connection just now, so your answers have not been sent yet. They are kept on this device and will be sent as soon as the connection is back: keep this page open.';
/** How often a submission that met no connection is tried again. */
const RETRY_EVERY_MS = 15_000;

/** How long after the last change the draft goes to the server (pages and leaving send it at once). */
const SAVE_AFTER_MS = 2000;

/** One key per link for its submission, kept across reloads, so a retry is recognised as one. */
function submissionKey(token: string): string {
  const name = `harbour.submission.${token.slice(0, 12)}`;
  let key = localStorage.getItem(name);
  if (!key) {
    key = crypto.randomUUID();
    localStorage.setItem(name, key);
  }
  return key;
}

/**
 * The survey, as survey-react-ui renders it, resumed where it was left: the draft is saved
 * after every page and when the page is left or hidden; completing it submits once.
 */
export function RespondentSurvey({
  token,
  invitation,
  language,
  onLanguage,
  onDone,
}: {
  token: string;
  invitation: Invitation;
  /** The page's language: the person's choice on this device where the form has Welsh. */
  language: Language;
  onLanguage: (language: Language) => void;
  onDone: (submitted: { on: string | null }) => void;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const languageId = useId();
  // Offer Welsh where the trust has given the form Welsh texts.
  const offersWelsh = useMemo(() => hasWelsh(invitation.form), [invitation.form]);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMemo(() => newerDraft(invitation, readLocalDraft(token)), [invitation, token]);
  // What the server has: the draft it gave us, unless this device's is newer (then nothing yet).
  const lastSaved = useRef<string>(start.fromDevice ? '' : JSON.stringify({ answers: start.answers, page: start.page }));
  // The language is read here once; a later choice changes it on this model, not by making a new one.
  const model = useMemo(() => {
    const survey = surveyModel(invitation.form, { preferNotToSay: invitation.preferNotToSay });
    survey.showCompletedPage = false;
    // The page's own heading carries the title (and the description under it): the first question sits higher.
    survey.showTitle = false;
    survey.locale = language === 'cy' ? 'cy' : '';
    survey.data = start.answers;
    if (start.page) survey.currentPageNo = Math.min(start.page, survey.visiblePageCount - 1);
    return survey;
  }, [invitation, start]);
  const resumed = Object.keys(start.answers).length > 0;
  // "Page 2 of 4", in the page's language, as the person moves through the survey.
  const [position, setPosition] = useState(() => ({ page: model.currentPageNo, pages: model.visiblePageCount }));
  useEffect(() => {
    const moved = () => setPosition({ page: model.currentPageNo, pages: model.visiblePageCount });
    model.onCurrentPageChanged.add(moved);
    // A page can appear or go as answers change its visibility.
    model.onValueChanged.add(moved);
    return () => {
      model.onCurrentPageChanged.remove(moved);
      model.onValueChanged.remove(moved);
    };
  }, [model]);

  useEffect(() => {
    /** Saves the draft unless nothing changed; `leaving` keeps the request alive as the page goes. */
    const save = async (leaving = false) => {
      const draft = { answers: model.data as Record<string, unknown>, page: model.currentPageNo };
      const text = JSON.stringify(draft);
      if (text === lastSaved.current || model.state === 'completed') return;
      const input = { token, answers: draft.answers, pageNo: draft.page };
      if (leaving) {
        // The same mutation, on a request the browser finishes after the page has gone.
        void respondentClient.mutation(SaveDraft, { input }, { fetchOptions: { keepalive: true } }).toPromise();
        lastSaved.current = text;
        return;
      }
      const result = await respondentClient.mutation(SaveDraft, { input }).toPromise();
      if (result.error?.networkError) setProblem(OFFLINE_DRAFT);
      else if (result.error) setProblem(`Your answers so far could not be saved: ${result.error.graphQLErrors[0]?.message}. They are still on this page.`);
      else {
        lastSaved.current = text;
        setProblem(null);
        setSaved(new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      writeLocalDraft(token, { answers: model.data as Record<string, unknown>, page: model.currentPageNo, at: Date.now() });
      clearTimeout(timer);
      timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    };
    const onPage = () => {
      onChange();
      clearTimeout(timer);
      void save();
    };
    model.onValueChanged.add(onChange);
    // A draft this device had but the server did not: send it now.
    if (start.fromDevice) void save();
    const onHide = () => {
      if (document.visibilityState === 'hidden') void save(true);
    };
    const onLeave = () => void save(true);
    model.onCurrentPageChanged.add(onPage);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);

    /** Whether a submission is waiting for the connection to come back. */
    let waiting = false;
    let sending = false;
    let retry: ReturnType<typeof setInterval> | undefined;
    const submit = async () => {
      if (sending) return;
      sending = true;
      try {
        await send();
      } finally {
        sending = false;
      }
    };
    const send = async () => {
      // The same key every time, so a submission the server did get before the line dropped is answered as a retry, not stored twice.
      const result = await respondentClient.mutation(Submit, { input: { token, answers: model.data as Record<string, unknown>, idempotencyKey: submissionKey(token) } }).toPromise();
      if (result.error?.networkError) {
        if (!waiting) {
          waiting = true;
          // Sent again when the browser says the line is back, and every 15 s in case it never says.
          retry = setInterval(() => void submit(), RETRY_EVERY_MS);
        }
        setProblem(OFFLINE_SUBMISSION);
        return;
      }
      waiting = false;
      clearInterval(retry);
      // Stored: an anonymous campaign's invitation says so with no day.
      const stored = result.data?.submitResponse.invitation;
      if (stored?.state === 'COMPLETED') {
        clearLocalDraft(token);
        onDone({ on: stored.completedOn ?? null });
        return;
      }
      const error = result.error?.graphQLErrors[0];
      const problems = (error?.extensions?.problems as { question: string; message: string }[] | undefined) ?? [];
      for (const p of problems) model.getQuestionByName(p.question)?.addError(p.message);
      setProblem(problems.length ? 'Some answers need another look: see the messages by the questions.' : (error?.message ?? 'Your answers could not be sent: press Complete again.'));
    };
    const onCompleting = (_: Model, options: { allow: boolean }) => {
      options.allow = false;
      void submit();
    };
    const onOnline = () => {
      if (waiting) void submit();
      else void save();
    };
    window.addEventListener('online', onOnline);
    model.onCompleting.add(onCompleting);
    return () => {
      clearTimeout(timer);
      model.onValueChanged.remove(onChange);
      model.onCurrentPageChanged.remove(onPage);
      model.onCompleting.remove(onCompleting);
      window.removeEventListener('online', onOnline);
      clearInterval(retry);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
    };
  }, [model, token, onDone, start]);

  const until = untilDay(invitation.closesOn, language);
  return (
    <div lang={language} onKeyDown={chooseOnEnter}>
      {/* The trust's title for its survey; in Welsh, the form's Welsh title where it has one. */}
      <h1>{(language === 'cy' && model.locTitle.getLocaleText('cy')) || invitation.surveyTitle}</h1>
      {model.description && <p className="lede">{model.description}</p>}
      {offersWelsh && (
        <p className="language">
          <label htmlFor={languageId}>Iaith / Language</label>{' '}
          <select
            id={languageId}
            value={language}
            onChange={(event) => {
              const chosen = event.target.value as Language;
              model.locale = chosen === 'cy' ? 'cy' : '';
              onLanguage(chosen);
            }}
          >
            <option value="en">English</option>
            <option value="cy">Cymraeg</option>
          </select>
        </p>
      )}
      <p className="promise">{promise(invitation.anonymity, language)}</p>
      <p className="muted" role={resumed ? 'status' : undefined}>
        {phrase(resumed ? 'welcomeBack' : 'savedAsYouGo', language, until)}
      </p>
      <div aria-live="polite">{saved && <p className="muted">{phrase('savedAt', language, saved)}</p>}</div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {position.pages > 1 && (
        <p className="page-position" aria-live="polite">
          {pageOf(position.page, position.pages, language)}
        </p>
      )}
      <Survey model={model} />
    </div>
  );
}
