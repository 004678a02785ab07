import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageFrom } from './connection';

describe('cursor connections', () => {
  it('round-trips a keyset position', () => {
    expect(decodeCursor(encodeCursor(['Oak Lane', 'a-b']), 2)).toEqual(['Oak Lane', 'a-b']);
  });

  it('refuses a cursor it did not give out, as the caller\'s error', () => {
    for (const bad of ['nonsense', encodeCursor(['only one']), Buffer.from('{"a":1}').toString('base64url')]) {
      let caught: unknown;
      try {
        decodeCursor(bad, 2);
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
