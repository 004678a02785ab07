import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageFrom, type CursorPart } from './connection';

describe('cursor connections', () => {
  it('round-trips a keyset position', () => {
    const id = '8b4f0858-0cee-48d4-9280-ca1c62e88040';
    expect(decodeCursor(encodeCursor(['Oak Lane', id]), ['text', 'uuid'])).toEqual(['Oak Lane', id]);
    expect(decodeCursor(encodeCursor(['2026-03-04', id]), ['date', 'uuid'])).toEqual(['2026-03-04', id]);
  });

  it('refuses a cursor it did not give out, as the caller\'s error', () => {
    const id = '8b4f0858-0cee-48d4-9280-ca1c62e88040';
    const forged: [string, CursorPart[]][] = [
      ['nonsense', ['text', 'uuid']],
      [encodeCursor(['only one']), ['text', 'uuid']],
      [Buffer.from('{"a":1}').toString('base64url'), ['text', 'uuid']],
      [encodeCursor(['a', 'b']), ['text', 'uuid']],
      [encodeCursor([7, id]), ['text', 'uuid']],
      [encodeCursor(['2026-13-45', id]), ['date', 'uuid']],
      [encodeCursor(['yesterday', id]), ['date', 'uuid']],
    ];
    for (const [bad, shape] of forged) {
      let caught: unknown;
      try {
        decodeCursor(bad, shape);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GraphQLError);
      expect((caught as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('uses the extra row only to say that more follow', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = pageFrom(rows, 2, (r) => [r.n]);
    expect(page.nodes).toEqual([{ n: 1 }, { n: 2 }]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
    expect(pageFrom(rows, 3, (r) => [r.n]).pageInfo.hasNextPage).toBe(false);
    expect(pageFrom([], 3, (r: { n: number }) => [r.n]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
