import { ErrorCode } from './errors';
import { log } from './log';

/** What each refusal of PostgreSQL's means to the caller, by SQLSTATE: their input, not Harbour's fault. */
const REFUSALS: Record<string, string> = {
  '23503': 'That refers to something that does not exist here (or is not yours to use), or something else still refers to it',
  '23505': 'That already exists',
  '23514': 'A value is not allowed here',
  '23502': 'A value that is needed is missing',
  '22001': 'A value is too long',
  '22003': 'A number is out of range',
  '22007': 'A date or time is not valid',
  '22008': 'A date or time is out of range',
  '22P02': 'A value is not of the right kind',
  '22P05': 'A value holds a character Harbour cannot store',
  '22021': 'A value holds a character Harbour cannot store',
  '2201B': 'A pattern is not valid',
  '54000': 'A value is too large',
  '54001': 'The request is too complex',
};

/**
 * BAD_USER_INPUT for an error PostgreSQL raised because of what was sent (a key to another
 * tenant's row, a check, a value too long), naming the constraint or column when it has one and
 * never the value; null for anything else.
 */
export function constraintRefusal(error: unknown): { message: string; extensions: Record<string, unknown> } | null {
  if (!(error instanceof Error)) return null;
  const driver = (error as { driverError?: { code?: unknown; constraint?: unknown; column?: unknown } }).driverError ?? (error as { code?: unknown; constraint?: unknown; column?: unknown });
  const code = typeof driver.code === 'string' ? driver.code : undefined;
  const message = code ? REFUSALS[code] : undefined;
  if (!message) return null;
  const constraint = typeof driver.constraint === 'string' ? driver.constraint : undefined;
  const column = typeof driver.column === 'string' ? driver.column : undefined;
  const about = constraint ?? column;
  // Often the caller's mistake, sometimes Harbour's: logged either way, for an operator to tell.
  log.warn({ sqlstate: code, constraint: about, reason: error.message.split('\n')[0]!.slice(0, 200) }, 'refused by the database');
  return { message: about ? `${message} (${about})` : message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'REFUSED_BY_DATABASE', ...(about ? { constraint: about } : {}) } };
}
