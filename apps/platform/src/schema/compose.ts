import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export interface ComposedSchemas {
  supergraph: string;
  api: string;
  hints: string[];
}

/**
 * Composes the subgraphs into a Federation 2 supergraph (servable by any Federation 2
 * router) and derives the client-facing API schema. Throws with every composition error.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): ComposedSchemas {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return {
    supergraph: result.supergraphSdl,
    api: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
    hints: result.hints.map((h) => h.toString()),
  };
}
