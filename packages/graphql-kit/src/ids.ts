import { ErrorCode, HarbourError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the UUIDs Harbour uses as ids. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The id, or BAD_USER_INPUT naming the argument when it cannot be a Harbour id. */
export function parseId(argument: string, value: string): string {
  if (!isUuid(value)) {
    throw new HarbourError(ErrorCode.BAD_USER_INPUT, `"${argument}" must be a Harbour id (a UUID), got "${value}"`, { argument });
  }
  return value;
}
