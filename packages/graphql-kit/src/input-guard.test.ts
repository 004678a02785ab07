import { inputProblem, MAX_INPUT_DEPTH, searchProblem, withoutEchoedInput } from './input-guard';

describe('the input guard', () => {
  it('names where a NUL, a lone surrogate or too deep a nesting is, never the value', () => {
    expect(inputProblem({ query: '{ a }', variables: { input: { email: 'a@b', cohort: 'x\u0000y' } } })).toBe('variables.input.cohort: contains a NUL character (\\u0000), which Harbour cannot store');
    expect(inputProblem({ variables: { list: ['ok', 'bad \ud800 half'] } })).toBe('variables.list[1]: contains half of a UTF-16 surrogate pair, which is not text Harbour can store');
    expect(inputProblem({ variables: { 'ke\u0000y': 1 } })).toMatch(/^variables\.\(a key\): contains a NUL/);
    // A whole pair is text like any other.
    expect(inputProblem({ variables: { name: 'Ffion 👩‍⚕️' } })).toBeNull();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(inputProblem({ variables: deep })).toBe(`variables${'.a'.repeat(MAX_INPUT_DEPTH - 1)}: nested deeper than ${MAX_INPUT_DEPTH} levels`);
    expect(searchProblem('?query=%7B%20a%20%7D&variables=%7B%22x%22%3A%22%5Cu0000%22%7D')).toBe('variables.x: contains a NUL character (\\u0000), which Harbour cannot store');
  });

  it('takes the value out of a variable error, a password included, keeping the place and the reason', () => {
    const echoed = 'Variable "$input" got invalid value { email: "a@b", password: "hunter2; secret", extra: 1 }; Field "extra" is not defined by type "SignInInput".';
    expect(withoutEchoedInput(echoed)).toBe('Variable "$input" got an invalid value; Field "extra" is not defined by type "SignInInput".');
    expect(withoutEchoedInput('Variable "$input" got invalid value 5 at "input.email"; String cannot represent a non string value: 5')).toBe(
      'Variable "$input" got an invalid value at "input.email"; String cannot represent a non string value: 5',
    );
    expect(withoutEchoedInput('Not found')).toBe('Not found');
    expect(withoutEchoedInput('x'.repeat(2000))).toHaveLength(500);
  });
});
