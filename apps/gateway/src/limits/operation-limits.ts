import {
  GraphQLError,
  Kind,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isIntrospectionType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldWeight, listSize } from '@harbour/graphql-kit';

/** How large an operation the gateway will run. docs/security.md says why these numbers. */
export interface OperationLimits {
  /** Deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /**
   * Estimated work: each field costs 1 (or its FIELD_WEIGHTS entry: a form's JSON, a diff),
   * times the size of every list above it: the page asked for (`first`), or for a list without
   * `first` the most it ever holds (LIST_SIZES).
   */
  maxCost: number;
  /** Operations in one batched HTTP request. */
  maxBatch: number;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxCost: 100_000, maxBatch: 10 };

export interface MeasuredOperation {
  depth: number;
  aliases: number;
  cost: number;
  introspects: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: number;
  introspects: boolean;
}

/**
 * How many items a field can give: its `first` argument (a literal, a variable or the schema
 * default); for a list without `first`, the most it holds (LIST_SIZES; a connection's `nodes`
 * are its parent's page, counted there); else 1.
 */
function pageSize(field: FieldNode, parent: GraphQLCompositeType | undefined, definition: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>): number {
  const argument = definition?.args.find((arg) => arg.name === 'first');
  if (!argument) return (parent && definition && listSize(parent.name, definition.name)) ?? 1;
  const given = field.arguments?.find((arg) => arg.name.value === 'first');
  const value = given ? valueFromAST(given.value, argument.type, variables) : argument.defaultValue;
  return typeof value === 'number' && value > 0 ? value : 1;
}

/** Depth and cost of a selection set on `type`; fragments are followed, each at most once per path. */
function measureSelections(
  walk: Walk,
  selections: SelectionSetNode,
  type: GraphQLCompositeType | undefined,
  seen: ReadonlySet<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (selection.alias) walk.aliases++;
      if (name === '__schema' || name === '__type') {
        walk.introspects = true;
        continue;
      }
      if (name === '__typename') continue;
      const definition = type && 'getFields' in type ? type.getFields()[name] : undefined;
      const named = definition ? getNamedType(definition.type) : undefined;
      const childType = named && isCompositeType(named) && !isIntrospectionType(named) ? named : undefined;
      const child = selection.selectionSet ? measureSelections(walk, selection.selectionSet, childType, seen) : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += (type && definition ? fieldWeight(type.name, definition.name) : 1) + pageSize(selection, type, definition, walk.variables) * child.cost;
    } else {
      let fragmentSelections: SelectionSetNode | undefined;
      let condition: string | undefined;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (seen.has(name)) continue;
        const fragment = walk.fragments.get(name);
        if (!fragment) continue;
        seen = new Set([...seen, name]);
        fragmentSelections = fragment.selectionSet;
        condition = fragment.typeCondition.name.value;
      } else {
        fragmentSelections = selection.selectionSet;
        condition = selection.typeCondition?.name.value;
      }
      const conditionType = condition ? walk.schema.getType(condition) : type;
      const inner = measureSelections(walk, fragmentSelections, conditionType && isCompositeType(conditionType) ? conditionType : type, seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

/** Measures the operation that will run (by name, or the only one). */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): MeasuredOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return { depth: 0, aliases: 0, cost: 0, introspects: false };
  // As execution will see them: the operation's own defaults for variables not sent.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  const walk: Walk = { schema, fragments, variables: coerced.coerced ?? variables, aliases: 0, introspects: false };
  const root = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = measureSelections(walk, operation.selectionSet, root, new Set());
  return { depth, aliases: walk.aliases, cost, introspects: walk.introspects };
}

function refusal(code: string, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/**
 * The reason the gateway refuses to run an operation, or null. Checked after parsing and
 * validation, before any subgraph is asked anything.
 */
export function limitViolation(
  measured: MeasuredOperation,
  limits: OperationLimits,
  options: { introspectionAllowed: boolean },
): GraphQLError | null {
  if (measured.introspects && !options.introspectionAllowed) {
    return refusal('INTROSPECTION_DISABLED', 'Introspection is for signed-in callers: sign in or send an API token', {});
  }
  if (measured.depth > limits.maxDepth) {
    return refusal('QUERY_TOO_DEEP', `The operation nests ${measured.depth} fields deep; the limit is ${limits.maxDepth}`, {
      depth: measured.depth,
      limit: limits.maxDepth,
    });
  }
  if (measured.aliases > limits.maxAliases) {
    return refusal('TOO_MANY_ALIASES', `The operation uses ${measured.aliases} aliases; the limit is ${limits.maxAliases}`, {
      aliases: measured.aliases,
      limit: limits.maxAliases,
    });
  }
  if (measured.cost > limits.maxCost) {
    return refusal(
      'QUERY_TOO_COSTLY',
      `The operation could touch about ${measured.cost} fields; the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested lists`,
      { cost: measured.cost, limit: limits.maxCost },
    );
  }
  return null;
}

/** Field suggestions ("Did you mean …?") tell an anonymous caller the schema; production strips them. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/, '');
}
