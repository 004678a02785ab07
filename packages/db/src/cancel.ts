import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';

interface DriverClient {
  processID: number | null;
  secretKey: number | null;
  host?: string;
  port?: number;
  _getActiveQuery?(): unknown;
}

interface DriverConnection {
  connect(port: number | string | undefined, host?: string): void;
  on(event: 'connect' | 'error', listener: () => void): void;
  cancel(processID: number, secretKey: number): void;
}

/**
 * Asks PostgreSQL to cancel the statement `runner`'s connection is running now, as psql's
 * Ctrl-C does: a cancel request with the backend's process id and secret key, on a connection
 * of its own, so it needs no role's permission and waits for no pool. This is what
 * node-postgres's `Client#cancel` sends (done here without its deprecated `activeQuery`).
 * Returns false when nothing was running. The connection must not be reused afterwards (a
 * cancel that arrives late would land on whatever it ran next): release it with an error.
 */
export function cancelRunningStatement(runner: QueryRunner): boolean {
  const client = (runner as unknown as { databaseConnection?: DriverClient }).databaseConnection;
  if (!client?.processID || client.secretKey === null || !client._getActiveQuery?.()) return false;
  const connection = (new Client({ host: client.host, port: client.port }) as unknown as { connection: DriverConnection }).connection;
  connection.on('connect', () => connection.cancel(client.processID!, client.secretKey!));
  connection.on('error', () => undefined);
  if (client.host?.startsWith('/')) connection.connect(`${client.host}/.s.PGSQL.${client.port}`);
  else connection.connect(client.port, client.host);
  return true;
}
