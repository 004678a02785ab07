import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';

/**
 * What Harbour's services log: pino's JSON lines on stdout, one object per line, each with
 * `service` and, when logged while a request runs, `requestId`. The gateway gives every
 * request an id (the client's own `x-request-id` when it is a short token, else a new UUID),
 * sends it back in the response's `x-request-id` and passes it to every subgraph it asks, so
 * one `requestId` follows a request through every service's lines.
 */
const running = new AsyncLocalStorage<{ requestId: string }>();

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

function levelFromEnv(): string {
  const given = process.env.HARBOUR_LOG_LEVEL;
  return given && (LOG_LEVELS as readonly string[]).includes(given) ? given : 'info';
}

export const log: Logger = pino({
  level: levelFromEnv(),
  // No pid or hostname: `service` (nameLogService) says which process wrote a line.
  base: {},
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  serializers: { err: loggedError },
  mixin: () => {
    const request = running.getStore();
    return request ? { requestId: request.requestId } : {};
  },
});

/**
 * An error as a log line holds it: its type, message, stack and (for the database's) SQLSTATE
 * and constraint, never what pino's default would copy too, TypeORM's `query` and
 * `parameters` and the driver's `detail` among them: a statement's parameters can be a
 * survey's answers, or staff's names and emails.
 */
export function loggedError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
  const driver = ((error as { driverError?: unknown }).driverError ?? error) as { code?: unknown; constraint?: unknown };
  return {
    type: error.constructor.name,
    message: error.message.slice(0, 500),
    stack: error.stack,
    ...(typeof driver.code === 'string' ? { sqlstate: driver.code } : {}),
    ...(typeof driver.constraint === 'string' ? { constraint: driver.constraint } : {}),
  };
}

/** Names the service in every line this process logs from now on. */
export function nameLogService(service: string): void {
  log.setBindings({ service });
}

/** Runs `work` as part of the request `requestId`: whatever is logged meanwhile carries it. */
export function duringRequest<T>(requestId: string, work: () => T): T {
  return running.run({ requestId }, work);
}

/** A request id as given, when it is a short token of letters, digits, `.`, `_` and `-`; else a new one. */
export function acceptRequestId(given: string | string[] | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : randomUUID();
}
