import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { limitViolation, measureOperation, withoutSuggestions, type OperationLimits } from './operation-limits';

/** What the limits need to know of a request: whether the caller signed in. */
export interface LimitsContext {
  harbourSignedIn?: boolean;
}

export interface LimitsOptions {
  limits: OperationLimits;
  /** In production, anonymous callers get no introspection and no field suggestions. */
  production: boolean;
}

function stripped(error: Error): Error {
  if (!(error instanceof GraphQLError)) return new Error(withoutSuggestions(error.message));
  return new GraphQLError(withoutSuggestions(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

/**
 * The limits as a Hive Gateway plugin, checked as execution starts (before any subgraph is
 * asked). Not at validation: Hive caches validation per document, and the verdict depends
 * on the caller. Suggestions are stripped from the result, which is the caller's own.
 */
export function hiveLimitsPlugin(options: LimitsOptions): GatewayPlugin<LimitsContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const open = !options.production || (args.contextValue as LimitsContext).harbourSignedIn === true;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const measured = measureOperation(args.schema, args.document, variables, args.operationName);
      const violation = limitViolation(measured, options.limits, { introspectionAllowed: open });
      if (violation) setResultAndStopExecution({ errors: [violation] });
    },
    onResultProcess({ result, setResult, serverContext }) {
      if (!options.production || (serverContext as LimitsContext).harbourSignedIn === true) return;
      // Results here are execution results or async iterables (subscriptions, which Harbour has none of).
      const strip = <T,>(one: T): T => {
        const errors = (one as { errors?: readonly Error[] }).errors;
        return errors ? ({ ...one, errors: errors.map(stripped) } as T) : one;
      };
      setResult(Array.isArray(result) ? result.map(strip) : strip(result));
    },
  };
}

/** The same limits as an Apollo Server plugin. */
export function apolloLimitsPlugin<TContext extends BaseContext & LimitsContext>(options: LimitsOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const open = !options.production || contextValue.harbourSignedIn === true;
      return {
        async didResolveOperation({ request, document, schema }) {
          const measured = measureOperation(schema, document, request.variables ?? {}, request.operationName);
          const violation = limitViolation(measured, options.limits, { introspectionAllowed: open });
          if (violation) throw violation;
        },
        async willSendResponse({ response }) {
          if (open || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            message: withoutSuggestions(error.message),
          }));
        },
      };
    },
  };
}
