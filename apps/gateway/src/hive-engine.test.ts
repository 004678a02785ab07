import { withRoutingUrls } from './hive-engine';

const SUPERGRAPH = `enum join__Graph {
  DIRECTORY @join__graph(name: "directory", url: "http://127.0.0.1:4001/graphql")
  FORMS @join__graph(name: "forms", url: "http://127.0.0.1:4002/graphql")
}`;

describe('withRoutingUrls', () => {
  it('points each subgraph at its configured URL and leaves the rest alone', () => {
    const sdl = withRoutingUrls(SUPERGRAPH, { forms: 'http://forms.internal:8080/graphql' });
    expect(sdl).toContain('FORMS @join__graph(name: "forms", url: "http://forms.internal:8080/graphql")');
    expect(sdl).toContain('DIRECTORY @join__graph(name: "directory", url: "http://127.0.0.1:4001/graphql")');
  });

  it('refuses a subgraph the supergraph does not have', () => {
    expect(() => withRoutingUrls(SUPERGRAPH, { insights: 'http://x/graphql' })).toThrow('The supergraph has no subgraph named insights');
  });
});
