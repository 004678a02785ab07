/** A count for one group, to be shown or withheld. */
export interface Cell {
  key: string;
  count: number;
}

/** Whether a count may be shown: 0, or at least the minimum `k`. */
export const showable = (count: number, k: number): boolean => count === 0 || count >= k;

/**
 * Which cells to withhold so that no count below `k` (other than 0) shows, nor can be worked
 * out by taking the shown cells from the shown total: while what the withheld cells add up to
 * is below `k`, the smallest other non-zero cell is withheld with them. When every cell is
 * withheld and they still add up to fewer than `k`, the total is small too: the caller withholds
 * it ({@link showable}).
 */
export function suppressedKeys(cells: Cell[], k: number): Set<string> {
  const hidden = new Set(cells.filter((c) => !showable(c.count, k)).map((c) => c.key));
  const hiddenSum = () => cells.reduce((sum, c) => sum + (hidden.has(c.key) ? c.count : 0), 0);
  while (hidden.size && hiddenSum() < k) {
    const next = cells.filter((c) => !hidden.has(c.key) && c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (!next) break;
    hidden.add(next.key);
  }
  return hidden;
}
