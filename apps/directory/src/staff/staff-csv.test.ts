import { readStaffCsv } from './staff-csv';
import { checkStaffRows, parseDate, type StaffLookups } from './staff-rules';

const lookups: StaffLookups = {
  roles: new Map([
    ['peer_support_worker', 'role-psw'],
    ['peer support worker', 'role-psw'],
  ]),
  settings: new Map([['inpatient', 'setting-inpatient']]),
  organisations: new Map<string, string | null>([
    ['rx1', 'org-ward'],
    ['willow ward', 'org-ward'],
    ['y01', 'org-practice'],
    ['north team', null],
  ]),
  organisationIds: new Set(['org-ward', 'org-practice']),
  scopeName: 'Test Trust',
};

function check(csv: string) {
  const read = readStaffCsv(csv);
  return { read, ...checkStaffRows(read.rows, read.headers, lookups) };
}

describe('reading a staff file', () => {
  it('matches ESR and spreadsheet column names, and keeps columns it does not use aside', () => {
    const { read, records, problems } = check(
      'Assignment Number,Job Role,Employer,Assignment Start Date,Hosts,Band,Grade\n' + 'E1,Peer support worker,RX1,31/03/2026,Y01; Willow Ward,Band 5,x\n',
    );
    expect(problems).toEqual([]);
    expect(read.ignoredColumns).toEqual(['Grade']);
    expect(records).toEqual([
      expect.objectContaining({ row: 2, externalRef: 'E1', roleId: 'role-psw', employerId: 'org-ward', hostIds: ['org-practice', 'org-ward'], startedOn: '2026-03-31', payBand: '5' }),
    ]);
  });

  it('names every problem by row and column, the way the file names the column', () => {
    const { records, problems } = check(
      [
        'external_ref,role,employing_organisation,start_date,left_date,leave_reason,email',
        'E1,peer_support_worker,RX1,2026-02-30,,,',
        'E2,brain_surgeon,Nowhere,2026-01-05,,,not-an-email',
        'E1,peer_support_worker,North Team,2026-01-05,2025-12-01,relocation,',
        ',peer_support_worker,RX1,2026-01-05,,retired early,',
      ].join('\n'),
    );
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'start_date'],
      [3, 'role'],
      [3, 'employing_organisation'],
      [3, 'email'],
      [4, 'external_ref'],
      [4, 'employing_organisation'],
      [4, 'left_date'],
      [5, 'external_ref'],
      [5, 'leave_reason'],
      [5, 'left_date'],
    ]);
    expect(problems[0]!.message).toBe('"2026-02-30" is not a date: write 2026-03-31 or 31/03/2026');
    expect(problems[4]!.message).toBe('Duplicate reference: row 2 has it too');
    expect(problems[5]!.message).toBe('More than one organisation is called "North Team": give its ODS code');
  });

  it('reports a missing required column once, on the header row', () => {
    const { read } = check('external_ref,role,start_date\nE1,peer_support_worker,2026-01-01\n');
    expect(read.problems).toEqual([{ row: 1, column: 'employing_organisation', value: null, message: 'The file has no employing_organisation column (it is required)' }]);
  });

  it('counts lines as the file has them, across quoted line breaks', () => {
    const { records } = check('external_ref,role,employing_organisation,start_date,name\nE1,peer_support_worker,RX1,2026-01-01,"Sam\nJones"\nE2,peer_support_worker,RX1,2026-01-01,Ali\n');
    expect(records.map((r) => [r.externalRef, r.row, r.name])).toEqual([
      ['E1', 2, 'Sam\nJones'],
      ['E2', 4, 'Ali'],
    ]);
  });

  it('reads real dates only', () => {
    expect(parseDate('2026-03-31')).toBe('2026-03-31');
    expect(parseDate('1/4/2026')).toBe('2026-04-01');
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });
});
