/** The deepest a request's JSON (query variables and all) may nest: no input of Harbour's comes near it. */
export const MAX_INPUT_DEPTH = 64;

const LONE_SURROGATE = /\p{Surrogate}/u;

function stringProblem(path: string, text: string): string | null {
  if (text.includes('\u0000')) return `${path || 'the request'}: contains a NUL character (\\u0000), which Harbour cannot store`;
  if (LONE_SURROGATE.test(text)) return `${path || 'the request'}: contains half of a UTF-16 surrogate pair, which is not text Harbour can store`;
  return null;
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/**
 * The first thing in a request's JSON that no resolver should ever see, or null: a NUL
 * character or a lone surrogate in any string or key, or nesting deeper than MAX_INPUT_DEPTH.
 * Walks with a stack of its own (no recursion), so any depth is safe to check; names where the
 * problem is (`variables.input.email`), never the value.
 */
export function inputProblem(value: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: at, path, depth } = stack.pop()!;
    if (typeof at === 'string') {
      const problem = stringProblem(path, at);
      if (problem) return problem;
      continue;
    }
    if (at === null || typeof at !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return `${path || 'the request'}: nested deeper than ${MAX_INPUT_DEPTH} levels`;
    if (Array.isArray(at)) {
      for (let i = at.length - 1; i >= 0; i--) stack.push({ value: at[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    for (const [key, inner] of Object.entries(at)) {
      const problem = stringProblem(join(path, '(a key)'), key);
      if (problem) return problem;
      stack.push({ value: inner, path: join(path, key), depth: depth + 1 });
    }
  }
  return null;
}

/** The same for a GET request's query string: its query, and its variables and extensions when they parse. */
export function searchProblem(search: string): string | null {
  const params = new URLSearchParams(search);
  const parsed: Record<string, unknown> = {};
  for (const [name, raw] of params) {
    if (name === 'variables' || name === 'extensions') {
      try {
        parsed[name] = JSON.parse(raw) as unknown;
      } catch {
        parsed[name] = raw;
      }
    } else parsed[name] = raw;
  }
  return inputProblem(parsed);
}

/**
 * A GraphQL error message without the value it quotes: graphql-js writes `Variable "$input" got
 * invalid value { …whatever was sent, a password included… }; reason`. Keeps the variable, the
 * place and the reason; every message is cut to 500 characters.
 */
export function withoutEchoedInput(message: string): string {
  let cleaned = message;
  const variable = /^Variable "\$[^"]+" got invalid value /.exec(message);
  const split = message.lastIndexOf('; ');
  if (variable && split > 0) {
    // Whatever the value held (quoted text may hold "; " too), the reason follows the last "; ", the place just before it.
    const place = / at "[^"]*"$/.exec(message.slice(0, split))?.[0] ?? '';
    cleaned = `${variable[0].replace('got invalid value ', 'got an invalid value')}${place}${message.slice(split)}`;
  } else if (variable) cleaned = variable[0].replace('got invalid value ', 'got an invalid value');
  return cleaned.length > 500 ? `${cleaned.slice(0, 497)}...` : cleaned;
}

interface ValidationFailure {
  property?: unknown;
  constraints?: Record<string, unknown>;
  children?: ValidationFailure[];
}

/**
 * class-validator's failures (type-graphql sends them whole in `extensions.validationErrors`,
 * with the `target` object and `value`: a password too) as Harbour's problems: where, and what
 * is wrong, never the value.
 */
export function validationProblems(failures: readonly ValidationFailure[], at = ''): { field: string; message: string }[] {
  return failures.flatMap((failure) => {
    const field = typeof failure.property === 'string' ? (at ? `${at}.${failure.property}` : failure.property) : at;
    const own = Object.values(failure.constraints ?? {}).filter((m): m is string => typeof m === 'string');
    return [...(own.length ? [{ field, message: own.join('; ').slice(0, 300) }] : []), ...validationProblems(failure.children ?? [], field)];
  });
}
