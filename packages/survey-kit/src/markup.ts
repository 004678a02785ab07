import type DOMPurifyType from 'isomorphic-dompurify';
import { isObject } from './form-elements';
import { ADDRESS_RULES, MARKUP_POLICY } from './markup-policy';
import type { SurveyProblem } from './validate-survey';

let purifier: typeof DOMPurifyType | undefined;
/** DOMPurify over jsdom takes about a second to load: only when a form holds markup at all. */
function purify(): typeof DOMPurifyType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  purifier ??= require('isomorphic-dompurify') as typeof DOMPurifyType;
  return purifier;
}

const ALLOWED = MARKUP_POLICY.ALLOWED_TAGS.join(', ');
const LOCALE = /^(?:default|[a-z]{2}(?:-[a-z]{2,4})?)$/i;

/** What DOMPurify took out of one text, in words: `<img>`, `onerror` on `<img>`, `href="javascript:…"`. */
function removedFrom(text: string): string[] {
  const dompurify = purify();
  dompurify.sanitize(text, MARKUP_POLICY);
  const removed: string[] = [];
  // DOM nodes, typed by what is read of them (this package has no DOM library types).
  type Node = { nodeName: string; nodeType: number };
  for (const entry of dompurify.removed as { element?: Node; attribute?: { name: string; value: string } | null; from?: Node }[]) {
    if (entry.attribute) {
      const tag = `<${entry.from?.nodeName.toLowerCase()}>`;
      const value = entry.attribute.value;
      removed.push(/^(href|src|action)$/i.test(entry.attribute.name) ? `${entry.attribute.name}="${value.slice(0, 40)}" on ${tag}` : `${entry.attribute.name} on ${tag}`);
    } else if (entry.element && !['BODY', 'HTML', 'HEAD', 'REMOVE'].includes(entry.element.nodeName)) {
      removed.push(entry.element.nodeType === 1 ? `<${entry.element.nodeName.toLowerCase()}>` : 'a comment or instruction');
    }
  }
  return [...new Set(removed)];
}

/**
 * Every text of a form that holds markup outside {@link MARKUP_POLICY} (script, event handlers,
 * styles, images, frames, form controls, `javascript:` links), and every address property
 * (navigateToUrl, imageLink, logo...) outside {@link ADDRESS_RULES}: a problem each, at its
 * JSON path. Texts are checked wherever they are (titles, descriptions, html, completedHtml
 * and its siblings, choices, rows, columns, in every language), so no property SurveyJS might
 * render as HTML is missed.
 */
export function markupProblems(json: unknown, path = '$', key = ''): SurveyProblem[] {
  if (typeof json === 'string') {
    const rule = ADDRESS_RULES.find((r) => r.property.test(key));
    if (rule && json.trim() && !rule.allowed.test(json.trim())) {
      return [{ path, message: `"${json.slice(0, 60)}" is not an address ${key} may hold: give ${rule.expected}` }];
    }
    // Text with no "<" holds no element, attribute or comment.
    if (!json.includes('<')) return [];
    const removed = removedFrom(json);
    if (!removed.length) return [];
    return [{ path, message: `This text holds ${removed.join(', ')}, which forms may not carry (no script or active content). Markup allowed: ${ALLOWED}; links to web pages, email or phone` }];
  }
  if (Array.isArray(json)) return json.flatMap((item, index) => markupProblems(item, `${path}[${index}]`, key));
  if (isObject(json)) {
    return Object.entries(json).flatMap(([name, value]) => {
      const at = /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
      // A translated text ({ default, cy }) keeps its property's name, so its addresses are checked alike.
      return markupProblems(value, at, LOCALE.test(name) ? key : name);
    });
  }
  return [];
}
