/**
 * GraphiQL as shipped fails a few WCAG checks that Harbour holds every page to. These fixes
 * run whenever its DOM changes: names for the editors' text areas, the scrolling editors
 * reachable by keyboard, and tabs whose close buttons are not nested inside the tab itself.
 * (Colours are fixed in explorer.css.)
 */
const EDITOR_NAMES: [selector: string, name: string][] = [
  ['.graphiql-query-editor', 'Query'],
  ['.graphiql-response', 'Response'],
];

function nameEditors(root: ParentNode): void {
  for (const [selector, name] of EDITOR_NAMES) {
    for (const area of root.querySelectorAll<HTMLTextAreaElement>(`${selector} textarea`)) if (!area.getAttribute('aria-label')) area.setAttribute('aria-label', name);
  }
  // Variables and headers share one tool area: the visible one is named by the selected tool tab.
  const tools = root.querySelectorAll<HTMLElement>('.graphiql-editor-tool .graphiql-editor');
  tools.forEach((editor, index) => {
    const area = editor.querySelector('textarea');
    if (area && !area.getAttribute('aria-label')) area.setAttribute('aria-label', index === 0 ? 'Variables' : 'Headers');
  });
  // CodeMirror makes its scroller unfocusable (tabindex -1): keyboard users could not scroll it.
  for (const scroller of root.querySelectorAll<HTMLElement>('.CodeMirror-scroll')) if (scroller.tabIndex !== 0) scroller.tabIndex = 0;
}

/**
 * GraphiQL's tabs hold a close button inside each tab, which no tab may: they become a group
 * of buttons instead, the open one marked as current.
 */
function flattenTabs(root: ParentNode): void {
  for (const list of root.querySelectorAll<HTMLElement>('ul[role="tablist"]')) {
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', 'Open operations');
  }
  for (const item of root.querySelectorAll<HTMLElement>('.graphiql-tabs li')) {
    for (const name of item.getAttributeNames()) if ((name === 'role' && item.getAttribute(name) !== 'presentation') || name.startsWith('aria-')) item.removeAttribute(name);
    if (item.getAttribute('role') !== 'presentation') item.setAttribute('role', 'presentation');
    const label = item.querySelector<HTMLButtonElement>('button:not(.graphiql-tab-close)');
    if (!label) continue;
    if (label.hasAttribute('role')) label.removeAttribute('role');
    if (label.hasAttribute('aria-selected')) label.removeAttribute('aria-selected');
    const current = item.classList.contains('graphiql-tab-active');
    if (current && label.getAttribute('aria-current') !== 'true') label.setAttribute('aria-current', 'true');
    if (!current && label.hasAttribute('aria-current')) label.removeAttribute('aria-current');
  }
}

/** Keeps the fixes applied to `root` as GraphiQL renders. Each fix writes only what differs, so applying it causes no further change. */
export function keepAccessible(root: HTMLElement): void {
  let queued = false;
  const apply = () => {
    queued = false;
    nameEditors(root);
    flattenTabs(root);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(apply);
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'role'] });
  apply();
}
