import { suppressedKeys } from './suppression';

describe('withholding small counts', () => {
  it('withholds counts from 1 to k-1, never 0 or k and above, when those withheld add up to k or more', () => {
    const cells = [0, 1, 4, 5, 9].map((count, i) => ({ key: `o${i}`, count }));
    expect([...suppressedKeys(cells, 5)].sort()).toEqual(['o1', 'o2']);
  });

  it('withholds more, smallest first, until the withheld add up to k, so none shows by subtraction from the total', () => {
    const cells = [
      { key: 'a', count: 3 },
      { key: 'b', count: 12 },
      { key: 'c', count: 7 },
      { key: 'd', count: 0 },
    ];
    expect([...suppressedKeys(cells, 5)].sort()).toEqual(['a', 'c']);
    // Two small ones adding up to 2 would show as a pair: the next smallest goes with them.
    const pair = [1, 1, 6, 30].map((count, i) => ({ key: `p${i}`, count }));
    expect([...suppressedKeys(pair, 5)].sort()).toEqual(['p0', 'p1', 'p2']);
    // With nothing else to withhold they stay as they are (the total is then small too, and withheld by the caller).
    expect([...suppressedKeys([{ key: 'a', count: 2 }], 5)]).toEqual(['a']);
  });

  it('never leaves a withheld total from 1 to k-1 while a non-zero cell is shown (random counts)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 500; round++) {
      const k = 3 + Math.floor(random() * 8);
      const cells = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => ({ key: `c${i}`, count: Math.floor(random() * 3 * k) }));
      const hidden = suppressedKeys(cells, k);
      const shown = cells.filter((c) => !hidden.has(c.key));
      for (const c of shown) expect(c.count === 0 || c.count >= k).toBe(true);
      const withheld = cells.filter((c) => hidden.has(c.key)).reduce((sum, c) => sum + c.count, 0);
      if (shown.some((c) => c.count > 0)) expect(withheld === 0 || withheld >= k).toBe(true);
    }
  });
});
