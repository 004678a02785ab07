import { createHash } from 'node:crypto';
import { elementsOf, isObject } from './form-elements';
import type { ScoringSpec } from './scoring';


/** JSON with object keys in a fixed order, so equal content always prints the same. */
export function canonicalJson(value: unknown): string {
  const order = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(order) : isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, order(v[k])])) : v;
  return JSON.stringify(order(value));
}

/** The content hash a published version carries: SHA-256 of its form and scoring, canonically printed. */
export function contentHash(json: unknown, scoring: ScoringSpec | null): string {
  return createHash('sha256').update(canonicalJson({ json, scoring })).digest('hex');
}

/** Questions (and panels) by name, wherever they sit in the form. */
function questionsByName(json: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  for (const { json: element } of elementsOf(json)) if (typeof element.name === 'string') found.set(element.name, element);
  return found;
}

export interface ChangedItem {
  name: string;
  /** The properties whose values differ, e.g. `title`, `choices`, `visibleIf`. */
  properties: string[];
}

export interface VersionDiff {
  added: string[];
  removed: string[];
  changed: ChangedItem[];
}

/** What changed between two versions of a form, item by item (by question name). Nested elements count on their own. */
export function diffForms(before: unknown, after: unknown): VersionDiff {
  const a = questionsByName(before);
  const b = questionsByName(after);
  const changed: ChangedItem[] = [];
  for (const [name, next] of b) {
    const previous = a.get(name);
    if (!previous) continue;
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((k) => k !== 'elements' && k !== 'templateElements');
    const properties = keys.filter((k) => canonicalJson(previous[k]) !== canonicalJson(next[k])).sort();
    if (properties.length) changed.push({ name, properties });
  }
  return {
    added: [...b.keys()].filter((name) => !a.has(name)),
    removed: [...a.keys()].filter((name) => !b.has(name)),
    changed,
  };
}
