import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** Federation 2 directives Harbour's subgraphs may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` functions by type name. */
export type ReferenceResolvers<TContext> = Record<string, (reference: Record<string, unknown>, context: TContext) => unknown>;

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers.
 * Entities carry `@Directive('@key(fields: "id")')`; their `__resolveReference`
 * functions come in `references` (each must check the caller, like any resolver).
 */
export async function buildFederatedSchema<TContext>(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  references: ReferenceResolvers<TContext> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: { forbidUnknownValues: false } });
  // createResolversMap returns type-graphql's loose map; buildSubgraphSchema wants its own type.
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolveReference };
  }
  return buildSubgraphSchema({
    typeDefs: gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two libraries' resolver map types differ only in strictness
    resolvers: resolvers as any,
  });
}
