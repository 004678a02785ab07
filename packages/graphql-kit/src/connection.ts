import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { ErrorCode, HarbourError } from './errors';
import { isUuid } from './ids';

/** Where a page of a cursor connection ends. */
@ObjectType({ description: 'Where a page of results ends, and whether more follow.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;
}

/** `first` and `after` for any cursor connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many items to return (1 to 500).' })
  @Min(1)
  @Max(500)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (a previous page\'s `endCursor`).' })
  after?: string | null;
}

/** The shape of a page of `T`, for resolvers to return. */
export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A connection type named `${name}Connection` whose nodes are `node`.
 * One named class per node type, as GraphQL needs distinct type names.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection implements Page<T> {
    @Field(() => [node], { description: 'The items on this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

/** Encodes a keyset position (the sort key values of the last row) as an opaque cursor. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What each position of a keyset cursor must hold. */
export type CursorPart = 'text' | 'uuid' | 'date';

const CHECKS: Record<CursorPart, (value: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 1000,
  uuid: isUuid,
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/**
 * Decodes a cursor made by {@link encodeCursor} and checks each part against `shape`, so a
 * forged cursor is the caller's input error and never reaches SQL.
 */
export function decodeCursor(cursor: string, shape: CursorPart[]): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && shape.every((part, i) => CHECKS[part](values[i]))) {
      return values as string[];
    }
  } catch {
    // falls through to the error below
  }
  throw new HarbourError(ErrorCode.BAD_USER_INPUT, `"after" is not a cursor this list gave out: ${cursor}`, {
    argument: 'after',
  });
}

/**
 * Turns `first + 1` fetched rows into a page: the extra row only tells that more follow.
 */
export function pageFrom<T>(rows: T[], first: number, cursorOf: (row: T) => (string | number)[]): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? encodeCursor(cursorOf(last)) : null, hasNextPage: rows.length > first },
  };
}
