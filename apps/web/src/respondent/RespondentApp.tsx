import { useEffect, useState } from 'react';
import { graphql } from '../graphql';
import { respondentClient } from './respondent-client';
import { RespondentSurvey } from './RespondentSurvey';
import { Withdraw } from './Withdraw';

export const InvitationQuery = graphql(`
  query RespondentInvitation($token: String!) {
    invitation(token: $token) {
      campaignName
      surveyTitle
      anonymity
      form
      state
      answers
      pageNo
      savedAt
      opensOn
      closesOn
      open
      completedOn
    }
  }
`);

type Loaded = { invitation: NonNullable<Awaited<ReturnType<typeof load>>['data']>['invitation'] } | { problem: string };

const load = (token: string) => respondentClient.query(InvitationQuery, { token }).toPromise();

/** The survey behind a personal link (`/s/<token>`): answer it, carry on later, or see that it is done. */
export function RespondentApp({ token }: { token: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [done, setDone] = useState<{ on: string | null } | null>(null);
  useEffect(() => {
    load(token).then((result) =>
      setLoaded(result.data ? { invitation: result.data.invitation } : { problem: result.error?.graphQLErrors[0]?.message ?? 'The survey could not be opened: check your connection and try again.' }),
    );
  }, [token]);
  useEffect(() => {
    if (loaded && 'invitation' in loaded) document.title = `${loaded.invitation.surveyTitle} · Harbour`;
  }, [loaded]);

  let content;
  if (!loaded) content = <p role="status">Opening your survey…</p>;
  else if ('problem' in loaded) content = <p role="alert">{loaded.problem}</p>;
  else if (done) {
    content = (
      <div className="notice card" role="status">
        <h2>Thank you</h2>
        <p>Your answers are in{done.on ? ` (${done.on})` : ''}. You can close this page.</p>
        {loaded && 'invitation' in loaded && loaded.invitation.anonymity !== 'ANONYMOUS' && <Withdraw token={token} />}
      </div>
    );
  } else {
    const invitation = loaded.invitation;
    if (invitation.state === 'COMPLETED') {
      content = (
        <div className="notice card" role="status">
          <h2>Already done</h2>
          <p>{invitation.completedOn ? `You answered this survey on ${invitation.completedOn}.` : 'You have answered this survey.'} Thank you: there is nothing more to do.</p>
          {invitation.anonymity !== 'ANONYMOUS' && <Withdraw token={token} />}
        </div>
      );
    } else if (invitation.state === 'WITHDRAWN') content = <p role="status">You withdrew your answers to this survey. This link takes no more.</p>;
    else if (!invitation.open) {
      content = <p role="status">{invitation.opensOn > new Date().toISOString().slice(0, 10) ? `This survey opens on ${invitation.opensOn}.` : `This survey closed on ${invitation.closesOn}. Thank you all the same.`}</p>;
    } else content = <RespondentSurvey token={token} invitation={invitation} onDone={setDone} />;
  }
  return (
    <>
      <header className="site-header">
        <p className="brand">Harbour</p>
      </header>
      <main id="main" className="respondent">
        <h1>{loaded && 'invitation' in loaded ? loaded.invitation.surveyTitle : 'Your survey'}</h1>
        {content}
      </main>
    </>
  );
}
