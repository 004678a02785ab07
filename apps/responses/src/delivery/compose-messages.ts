import type { EntityManager } from 'typeorm';
import { newLink } from '../invitation/links';

export type MessageKind = 'invitation' | 'reminder';

export interface ComposeOptions {
  /** The web app's address as respondents reach it; links are `<publicUrl>/s/<token>`. */
  publicUrl: string;
  /** Reminders go this many days before an invitation's last day. */
  reminderDays: number;
  /** Whether an SMTP server will send them (PENDING) or admins will read them in the outbox (HELD). */
  smtp: boolean;
  /** YYYY-MM-DD, for tests; today in England otherwise. */
  today?: string;
  /** Most messages of each kind made in one run. */
  limit?: number;
}

interface Due {
  id: string;
  tenantId: string;
  closesOn: string;
  anonymity: 'anonymous' | 'pseudonymous' | 'identified';
  minGroupSize: number;
  campaign: string;
  title: string;
  name: string | null;
  email: string;
}

/**
 * Invitations due a message of `kind`: not completed or withdrawn, in an open campaign, within
 * their days, with an email address, and without one already. A reminder goes from
 * `reminderDays` before the last day, only after the invitation itself; in an anonymous
 * campaign it goes to those who completed too, so that the outbox tells no one who has.
 */
const DUE = `
  SELECT i.id, i.tenant_id AS "tenantId", i.closes_on::text AS "closesOn", i.anonymity, c.min_group_size AS "minGroupSize",
         c.name AS campaign, v.title, k.name, k.email
  FROM responses.invitation i
  CROSS JOIN (SELECT COALESCE($1::date, (now() AT TIME ZONE 'Europe/London')::date) AS d) t
  JOIN forms.delivery_campaign c ON c.campaign_id = i.campaign_id AND c.state = 'open'
  JOIN forms.delivery_survey_version v ON v.survey_id = i.survey_id AND v.version_number = i.version_number
  JOIN directory.staff_delivery_contact k ON k.staff_id = i.staff_id
  WHERE (i.state IN ('invited', 'started') OR ($2 = 'reminder' AND i.anonymity = 'anonymous' AND i.state = 'completed')) AND i.opens_on <= t.d AND t.d <= i.closes_on
    AND NOT EXISTS (SELECT 1 FROM responses.outbox o WHERE o.invitation_id = i.id AND o.kind = $2)
    AND ($2 = 'invitation' OR (t.d >= i.closes_on - $3::int AND EXISTS (SELECT 1 FROM responses.outbox o WHERE o.invitation_id = i.id AND o.kind = 'invitation')))
  ORDER BY i.id
  LIMIT $4`;

const PROMISE: Record<Due['anonymity'], (minGroupSize: number) => string> = {
  anonymous: (k) => `Your answers are anonymous: they keep no link to you, and reports never show a group of fewer than ${k} people.`,
  pseudonymous: (k) =>
    `Your answers are pseudonymous: they are linked to your other answers over time, never to your name, and reports never show a group of fewer than ${k} people.`,
  identified: () => 'Your answers will be linked to your name, as this survey says on its first page.',
};

/** The message: who it is for, what it asks, what it promises, and the link. */
export function messageText(kind: MessageKind, due: Omit<Due, 'id' | 'tenantId' | 'email'>, link: string): { subject: string; body: string } {
  const subject = `${kind === 'reminder' ? 'Reminder: ' : ''}${due.title}`;
  const body = [
    `Dear ${due.name?.trim() || 'colleague'},`,
    '',
    `${kind === 'reminder' ? 'A reminder: you' : 'You'} are invited to answer "${due.title}" (${due.campaign}). It takes about ten minutes, on any device.`,
    '',
    PROMISE[due.anonymity](due.minGroupSize),
    '',
    `Your personal link (please do not share it): ${link}`,
    '',
    `You can stop and carry on later with the same link. It works until the end of ${due.closesOn}.`,
    // Everyone invited to an anonymous campaign is reminded, answered or not: nobody can tell from the reminders who has answered.
    ...(kind === 'reminder' && due.anonymity === 'anonymous' ? ['', 'If you have answered already, thank you: there is nothing more to do. Everyone invited gets this reminder, so nobody can tell who has answered.'] : []),
  ].join('\n');
  return { subject, body };
}

/** Makes the messages now due, each with a link of its own, in the caller's transaction. Returns how many of each kind. */
export async function composeMessages(db: EntityManager, options: ComposeOptions): Promise<Record<MessageKind, number>> {
  const made: Record<MessageKind, number> = { invitation: 0, reminder: 0 };
  for (const kind of ['invitation', 'reminder'] as const) {
    const due = (await db.query(DUE, [options.today ?? null, kind, options.reminderDays, options.limit ?? 1000])) as Due[];
    for (const row of due) {
      const token = await newLink(db, row);
      const { subject, body } = messageText(kind, row, `${options.publicUrl}/s/${token}`);
      const inserted = (await db.query(
        `INSERT INTO responses.outbox (id, tenant_id, invitation_id, kind, recipient, subject, body, state)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (invitation_id, kind) DO NOTHING RETURNING id`,
        [row.tenantId, row.id, kind, row.email, subject, body, options.smtp ? 'pending' : 'held'],
      )) as unknown[];
      made[kind] += inserted.length;
    }
  }
  return made;
}
