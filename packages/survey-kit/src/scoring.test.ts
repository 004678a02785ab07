import { itemScore, scoreAnswers, type ScoringSpec } from './scoring';

describe('scoring an item on 0–10', () => {
  const agreement = { item: 'q', min: 1, max: 5 };
  it('spreads a scale evenly over 0–10, and reverses it when asked', () => {
    expect([1, 2, 3, 4, 5].map((x) => itemScore(agreement, x))).toEqual([0, 2.5, 5, 7.5, 10]);
    expect([1, 2, 3, 4, 5].map((x) => itemScore({ ...agreement, reverse: true }, x))).toEqual([10, 7.5, 5, 2.5, 0]);
    expect(itemScore({ item: 'r', min: 0, max: 10 }, 7)).toBe(7);
  });

  it('reads yes and no as 1 and 0, and numbers given as text', () => {
    const yes = { item: 'b', min: 0, max: 1 };
    expect([itemScore(yes, true), itemScore(yes, false)]).toEqual([10, 0]);
    expect(itemScore(agreement, '4')).toBe(7.5);
  });

  it('leaves unanswered, off-scale and non-numeric answers unscored', () => {
    expect([undefined, null, '', 0, 6, 'often', [3]].map((x) => itemScore(agreement, x))).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('scoring constructs', () => {
  const spec: ScoringSpec = {
    constructs: [
      {
        code: 'belonging',
        name: 'Belonging',
        higherIsBetter: true,
        favourableAt: 7.5,
        items: [
          { item: 'a', min: 1, max: 5 },
          { item: 'b', min: 1, max: 5 },
          { item: 'c', min: 1, max: 5, reverse: true },
        ],
      },
      { code: 'isolation', name: 'Isolation', higherIsBetter: false, favourableAt: 2.5, items: [{ item: 'c', min: 1, max: 5 }] },
    ],
  };

  it('averages the answered items and says whether the score is favourable, either way round', () => {
    expect(scoreAnswers(spec, { a: 5, b: 4, c: 2 })).toEqual([
      { code: 'belonging', score: 8.33, favourable: true, answered: 3 },
      { code: 'isolation', score: 2.5, favourable: true, answered: 1 },
    ]);
    expect(scoreAnswers(spec, { a: 3, b: 3, c: 4 })).toEqual([
      { code: 'belonging', score: 4.17, favourable: false, answered: 3 },
      { code: 'isolation', score: 7.5, favourable: false, answered: 1 },
    ]);
  });

  it('scores a construct only when at least half its items are answered', () => {
    expect(scoreAnswers(spec, { a: 5, b: 5 })[0]).toEqual({ code: 'belonging', score: 10, favourable: true, answered: 2 });
    expect(scoreAnswers(spec, { a: 5 })[0]).toEqual({ code: 'belonging', score: null, favourable: null, answered: 1 });
    expect(scoreAnswers(spec, {})[1]).toEqual({ code: 'isolation', score: null, favourable: null, answered: 0 });
  });
});
