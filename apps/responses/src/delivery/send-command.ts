import 'reflect-metadata';
import { loadConfig } from '@harbour/config';
import { createSubgraphDataSource, subgraphRole } from '@harbour/db';
import { database } from '../database';
import { sendPending, smtpTransport } from './send-messages';

/** Sends the pending messages now, through HARBOUR_SMTP_URL, and prints what it did. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseAppUrl) throw new Error('DATABASE_APP_URL is not set');
  if (!config.smtpUrl) throw new Error('HARBOUR_SMTP_URL is not set: without it, messages wait in the outbox');
  const dataSource = createSubgraphDataSource(config.databaseAppUrl, database, { max: 2, applicationName: 'harbour-send', sessionRole: subgraphRole(database.schema) });
  await dataSource.initialize();
  try {
    const report = await sendPending(dataSource, smtpTransport(config.smtpUrl, config.mailFrom), { staleAfterMs: Number(process.env.HARBOUR_SEND_STALE_MS ?? 120_000) });
    console.log(`sent ${report.sent}, failed ${report.failed}, found ${report.unknown} left in flight by a stopped sender`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
