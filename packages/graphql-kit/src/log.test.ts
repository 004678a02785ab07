import { QueryFailedError } from 'typeorm';
import { loggedError } from './log';
import { loggedPath } from './request-log';

describe('what a log line holds', () => {
  it('of a failed statement: its message, SQLSTATE and constraint, never its parameters or query', () => {
    const driverError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014', detail: 'Key (email)=(someone@trust.example)' });
    const error = new QueryFailedError('INSERT INTO responses.response (answers) VALUES ($1)', ['{"bel_comment":"My line manager makes me want to leave."}'], driverError);
    const logged = JSON.stringify(loggedError(error));
    expect(loggedError(error)).toMatchObject({ type: 'QueryFailedError', message: 'canceling statement due to statement timeout', sqlstate: '57014' });
    expect(logged).not.toContain('line manager');
    expect(logged).not.toContain('someone@trust.example');
    expect(logged).not.toContain('INSERT INTO');
  });

  it('of a request: its path without the query string or a personal link\'s token', () => {
    expect(loggedPath('/s/Abc123_-xyz')).toBe('/s/(link)');
    expect(loggedPath('/exports/role-evaluation.xlsx?filter=%7B%7D')).toBe('/exports/role-evaluation.xlsx');
    expect(loggedPath('/graphql')).toBe('/graphql');
  });
});
