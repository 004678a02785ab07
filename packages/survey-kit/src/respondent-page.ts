/**
 * The contract between the gateway, which serves a personal link's page (`/s/<token>`), and the
 * web app that runs in it: the gateway asks GraphQL this query for the link and writes the answer
 * into the page as JSON, so the page shows its invitation with no round trip of its own, and
 * asks the browser for the survey library only when there is a survey to answer. Plain (imports
 * nothing) so the web app can bundle it.
 */
export const RESPONDENT_INVITATION_QUERY = `query RespondentInvitation($token: String!) {
  invitation(token: $token) {
    campaignName
    surveyTitle
    trustName
    contactEmail
    privacyNoticeUrl
    trustLogo
    anonymity
    preferNotToSay
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
}`;

/** The id of the `<script type="application/json">` element that holds the answer. */
export const RESPONDENT_DATA_ID = 'harbour-invitation';

export type RespondentAnonymity = 'ANONYMOUS' | 'PSEUDONYMOUS' | 'IDENTIFIED';
export type InvitationState = 'INVITED' | 'STARTED' | 'COMPLETED' | 'WITHDRAWN';

/** What the link's page knows about its invitation: the query's `invitation`. */
export interface RespondentInvitation {
  campaignName: string;
  surveyTitle: string;
  trustName: string;
  contactEmail: string | null;
  privacyNoticeUrl: string | null;
  /** The trust's logo, a data: URL, when it gave one. */
  trustLogo: string | null;
  anonymity: RespondentAnonymity;
  /** The campaign offers "Prefer not to say" on every question. */
  preferNotToSay: boolean;
  form: Record<string, unknown>;
  state: InvitationState;
  answers: Record<string, unknown> | null;
  pageNo: number | null;
  savedAt: string | null;
  opensOn: string;
  closesOn: string;
  open: boolean;
  completedOn: string | null;
}

/** What the gateway writes into the page: the invitation, or why there is none (in words for the person). */
export type RespondentPageData = { invitation: RespondentInvitation } | { problem: string };

/** Whether the page will show a survey to answer, and so needs the survey library. */
export function needsSurvey(data: RespondentPageData): boolean {
  return 'invitation' in data && data.invitation.open && data.invitation.state !== 'COMPLETED' && data.invitation.state !== 'WITHDRAWN';
}
