import { createTransport } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import { ALL_TENANTS, withTenants } from '@harbour/graphql-kit';

export interface OutgoingMessage {
  /** The outbox row's id, sent as the Message-ID so a receiving system can tell one message from another. */
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Something that delivers a message, resolving once the server has accepted it. */
export type MailTransport = (message: OutgoingMessage) => Promise<void>;

/** Delivery through an SMTP server (nodemailer). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transport = createTransport(url);
  return async (message) => {
    await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId: `<${message.id}@harbour>` });
  };
}

export interface SendOptions {
  /** A message claimed longer ago than this by a sender that is gone is UNKNOWN, never sent again. */
  staleAfterMs?: number;
  /** Most messages sent in one run. */
  max?: number;
}

export interface SendReport {
  sent: number;
  failed: number;
  /** Messages found in flight from a sender that stopped. */
  unknown: number;
}

type Claimed = { id: string; recipient: string; subject: string; body: string };

/**
 * Sends pending messages one at a time: each is claimed (SENDING) in a transaction of its own,
 * handed to the server, then marked SENT with its link taken out of the stored body (or FAILED
 * with the server's reason). A sender that stops mid-batch leaves at most one message SENDING;
 * the next run marks it UNKNOWN and does not send it again, so nobody gets a message twice.
 */
export async function sendPending(dataSource: DataSource, transport: MailTransport, options: SendOptions = {}): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0, unknown: 0 };
  const all = <T>(work: (db: EntityManager) => Promise<T>) => withTenants(dataSource, ALL_TENANTS, work);
  // UPDATE … RETURNING answers [rows, count] through TypeORM.
  report.unknown = (
    (await all((db) =>
      db.query(
        `UPDATE responses.outbox SET state = 'unknown', error = 'The sender stopped while this was being sent; it is not sent again'
         WHERE state = 'sending' AND claimed_at < now() - make_interval(secs => $1::float8 / 1000) RETURNING id`,
        [options.staleAfterMs ?? 120_000],
      ),
    )) as unknown[][]
  )[0]!.length;
  for (let i = 0; i < (options.max ?? 500); i++) {
    const [message] = (await all((db) =>
      db.query(
        `UPDATE responses.outbox SET state = 'sending', claimed_at = now()
         WHERE id = (SELECT id FROM responses.outbox WHERE state = 'pending' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id, recipient, subject, body`,
      ),
    )) as [Claimed[]];
    const claimed = message[0];
    if (!claimed) break;
    try {
      await transport({ id: claimed.id, to: claimed.recipient, subject: claimed.subject, text: claimed.body });
      await all((db) =>
        db.query(`UPDATE responses.outbox SET state = 'sent', sent_at = now(), body = regexp_replace(body, '/s/[A-Za-z0-9_-]{43}', '/s/(sent)', 'g') WHERE id = $1`, [claimed.id]),
      );
      report.sent++;
    } catch (error) {
      await all((db) => db.query(`UPDATE responses.outbox SET state = 'failed', error = $2 WHERE id = $1`, [claimed.id, String((error as Error).message ?? error).slice(0, 1000)]));
      report.failed++;
    }
  }
  return report;
}
