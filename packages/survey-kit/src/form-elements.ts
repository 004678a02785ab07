/** Walking a SurveyJS form's elements, shared by validation and diffs. */

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An element (question or panel) with its JSON path, e.g. `$.pages[0].elements[2]`. */
export interface LocatedElement {
  path: string;
  json: Record<string, unknown>;
}

/** Every element of a form, panels' and dynamic panels' inner ones included, depth first, in page order. */
export function elementsOf(json: unknown): LocatedElement[] {
  const found: LocatedElement[] = [];
  if (!isObject(json)) return found;
  const walk = (elements: unknown, path: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, index) => {
      if (!isObject(element)) return;
      const here = `${path}[${index}]`;
      found.push({ path: here, json: element });
      walk(element.elements, `${here}.elements`);
      walk(element.templateElements, `${here}.templateElements`);
    });
  };
  if (Array.isArray(json.pages)) json.pages.forEach((page, index) => isObject(page) && walk(page.elements, `$.pages[${index}].elements`));
  walk(json.elements, '$.elements');
  return found;
}
