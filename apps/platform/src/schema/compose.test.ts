import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, SUBGRAPHS } from '@harbour/config';
import { composeSupergraph } from './compose';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('composeSupergraph', () => {
  it('composes the committed subgraph schemas into a supergraph and an API schema without federation internals', () => {
    const subgraphs = SUBGRAPHS.map((name) => ({
      name,
      url: `http://127.0.0.1/${name}`,
      sdl: readFileSync(path.join(repoRoot(), 'schema', `${name}.graphql`), 'utf8'),
    }));
    const composed = composeSupergraph(subgraphs);
    expect(composed.supergraph).toContain('@join__graph(name: "insights", url: "http://127.0.0.1/insights")');
    expect(composed.api).toMatch(/type Survey \{[^}]*responseCount: Int!/s);
    expect(composed.api).not.toMatch(/join__|_entities|_service|@key/);
  });

  it('fails with every composition error, by message', () => {
    const a = { name: 'a', url: 'http://a', sdl: `${LINK}\ntype Query { thing: Thing }\ntype Thing @key(fields: "id") { id: ID! size: Int }` };
    const b = { name: 'b', url: 'http://b', sdl: `${LINK}\ntype Thing @key(fields: "id") { id: ID! size: String }` };
    expect(() => composeSupergraph([a, b])).toThrow(/Composition failed:\n {2}- .*"Thing\.size".*/);
  });
});
