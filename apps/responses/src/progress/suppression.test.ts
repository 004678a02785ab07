import { suppressedKeys } from './suppression';

describe('withholding small counts', () => {
  it('withholds counts from 1 to k-1, never 0 or k and above', () => {
    const cells = [0, 1, 4, 5, 9].map((count, i) => ({ key: `o${i}`, count }));
    expect([...suppressedKeys(cells, 5)].sort()).toEqual(['o1', 'o2']);
  });

  it('withholds a second cell when one alone would show by subtraction from the total', () => {
    const cells = [
      { key: 'a', count: 3 },
      { key: 'b', count: 12 },
      { key: 'c', count: 7 },
      { key: 'd', count: 0 },
    ];
    expect([...suppressedKeys(cells, 5)].sort()).toEqual(['a', 'c']);
    // With nothing else to withhold it stays alone (the total is then the cell itself, which the caller knows is one group).
    expect([...suppressedKeys([{ key: 'a', count: 2 }], 5)]).toEqual(['a']);
  });
});
