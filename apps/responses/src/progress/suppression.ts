/** A count for one group, to be shown or withheld. */
export interface Cell {
  key: string;
  count: number;
}

/**
 * Which cells to withhold so that no count below `k` (other than 0) shows, nor can be worked
 * out by taking the shown cells from the shown total: when exactly one cell is withheld, the
 * smallest other non-zero cell is withheld with it.
 */
export function suppressedKeys(cells: Cell[], k: number): Set<string> {
  const hidden = new Set(cells.filter((c) => c.count > 0 && c.count < k).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.key);
  }
  return hidden;
}
