import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { needsSurvey, RESPONDENT_DATA_ID, type RespondentInvitation, type RespondentPageData } from '@harbour/survey-kit/respondent-page';
import { Withdraw } from './Withdraw';
import { AROUND, dayInWords, hasWelsh, onDay, rememberedLanguage, rememberLanguage, type Language } from './words';

// The survey library (most of the page's weight) loads only for a survey to answer; the gateway
// has the browser fetch it alongside this script then, so it costs no extra round trip.
const RespondentSurvey = lazy(() => import('./RespondentSurvey').then((m) => ({ default: m.RespondentSurvey })));

/** The invitation the gateway wrote into the page (no request of our own), or why there is none. */
function pageData(): RespondentPageData {
  const element = document.getElementById(RESPONDENT_DATA_ID);
  try {
    if (element?.textContent) return JSON.parse(element.textContent) as RespondentPageData;
  } catch {
    // Cut short (a lost connection mid-page): say so below.
  }
  return { problem: 'This page did not load whole. Reload it to try again: nothing you saved is lost.' };
}

/** Whom to ask about the survey, and the trust's privacy notice, when it gave them. */
function TrustContact({ invitation, language }: { invitation: RespondentInvitation; language: Language }) {
  if (!invitation.contactEmail && !invitation.privacyNoticeUrl) return null;
  return (
    <footer className="respondent-footer" lang={language}>
      {invitation.contactEmail && (
        <p>
          {AROUND.questions[language]} <a href={`mailto:${invitation.contactEmail}`}>{invitation.contactEmail}</a>.
        </p>
      )}
      {invitation.privacyNoticeUrl && (
        <p>
          <a href={invitation.privacyNoticeUrl} rel="noreferrer">
            {AROUND.privacyNotice[language](invitation.trustName)}
          </a>
        </p>
      )}
    </footer>
  );
}

/** The survey behind a personal link (`/s/<token>`): answer it, carry on later, or see that it is done. */
export function RespondentApp({ token }: { token: string }) {
  const [loaded] = useState(pageData);
  // The pages around the survey speak the language the person chose on this device, where the form has Welsh.
  const [language, setLanguage] = useState<Language>(() => ('invitation' in loaded && hasWelsh(loaded.invitation.form) ? rememberedLanguage() : 'en'));
  // Chosen on the survey's page: remembered on this device, and the footer follows at once.
  const chooseLanguage = useCallback((chosen: Language) => {
    rememberLanguage(chosen);
    setLanguage(chosen);
  }, []);
  const [done, setDone] = useState<{ on: string | null } | null>(null);
  useEffect(() => {
    if ('invitation' in loaded) document.title = `${loaded.invitation.surveyTitle} · Harbour`;
  }, [loaded]);

  let content;
  const showsSurvey = !done && needsSurvey(loaded);
  if ('problem' in loaded) content = <p role="alert">{loaded.problem}</p>;
  else if (done) {
    content = (
      <div className="notice card" role="status" lang={language}>
        <h2>{AROUND.thankYou[language]}</h2>
        <p>{AROUND.answersIn[language](done.on ? dayInWords(done.on, language) : '')}</p>
        {'invitation' in loaded && loaded.invitation.anonymity !== 'ANONYMOUS' && <Withdraw token={token} />}
      </div>
    );
  } else {
    const invitation = loaded.invitation;
    if (invitation.state === 'COMPLETED') {
      content = (
        <div className="notice card" role="status" lang={language}>
          <h2>{AROUND.alreadyDone[language]}</h2>
          <p>{AROUND.answeredOn[language](invitation.completedOn ? onDay(invitation.completedOn, language) : '')}</p>
          {invitation.anonymity !== 'ANONYMOUS' && <Withdraw token={token} />}
        </div>
      );
    } else if (invitation.state === 'WITHDRAWN') content = (
        <p role="status" lang={language}>
          {AROUND.withdrawn[language]}
        </p>
      );
    else if (!invitation.open) {
      const notYet = invitation.opensOn > new Date().toISOString().slice(0, 10);
      content = (
        <p role="status" lang={language}>
          {notYet ? AROUND.opens[language](onDay(invitation.opensOn, language)) : AROUND.closed[language](onDay(invitation.closesOn, language))}
        </p>
      );
    } else {
      content = (
        <Suspense
          fallback={
            <>
              <h1>{invitation.surveyTitle}</h1>
              <p role="status">Opening your survey…</p>
            </>
          }
        >
          <RespondentSurvey token={token} invitation={invitation} language={language} onLanguage={chooseLanguage} onDone={setDone} />
        </Suspense>
      );
    }
  }
  return (
    <>
      <header className="site-header respondent-header">
        {/* Whose survey this is: the trust that sent it. */}
        <p className="brand">
          {/* The trust's logo beside its name (which says it in words: the image adds nothing for a screen reader). */}
          {'invitation' in loaded && loaded.invitation.trustLogo && <img className="trust-logo" src={loaded.invitation.trustLogo} alt="" />}
          {'invitation' in loaded && loaded.invitation.trustName ? loaded.invitation.trustName : 'Harbour'}
        </p>
      </header>
      <main id="main" className="respondent">
        {/* The survey's page gives its own heading, in the language the person chose. */}
        {!showsSurvey && <h1>{'invitation' in loaded ? loaded.invitation.surveyTitle : 'Your survey'}</h1>}
        {content}
      </main>
      {'invitation' in loaded && <TrustContact invitation={loaded.invitation} language={language} />}
    </>
  );
}
