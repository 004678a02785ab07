import { loadConfig } from '@harbour/config';
import { ALL_TENANTS, withTenants, type BackgroundJob } from '@harbour/graphql-kit';
import { issueInvitations } from '../invitation/invitation-clock';
import { restampAnonymousCompletions } from '../submission/restamp';
import { composeMessages } from './compose-messages';
import { sendPending, smtpTransport } from './send-messages';

/** The queue of the responses subgraph's delivery clock. */
export const DELIVERY_CLOCK = 'delivery-clock';

/**
 * The responses subgraph's delivery clock, every minute (HARBOUR_DELIVERY_EVERY_MS) across all tenants: invite whoever is
 * now due (after rewriting anonymous campaigns' completed invitations:
 * restampAnonymousCompletions), write their invitations and reminders, then send what is pending (when an SMTP server is
 * configured; otherwise the messages wait in the outbox for admins).
 */
export function deliveryClock(config = loadConfig()): BackgroundJob {
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  return {
    name: DELIVERY_CLOCK,
    everyMs: config.deliveryEveryMs,
    run: async (dataSource) => {
      // First, and in a transaction of its own: the invitations it rewrites share nothing with any submission's, whatever fails after.
      await withTenants(dataSource, ALL_TENANTS, (db) => restampAnonymousCompletions(db));
      await withTenants(dataSource, ALL_TENANTS, async (db) => {
        await issueInvitations(db);
        await composeMessages(db, { publicUrl: config.publicUrl, reminderDays: config.reminderDays, smtp: transport !== null });
      });
      if (transport) await sendPending(dataSource, transport);
    },
  };
}
