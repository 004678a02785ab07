import { partition, periodEnd, quarterOf, type Atom } from './cells';

const atom = (fields: Partial<Atom> & { n: number }): Atom => ({
  tenantId: 't',
  surveyId: 's',
  organisationId: 'ward-a',
  roleId: 'psw',
  settingId: 'inpatient',
  cohort: '2026',
  tenureBand: '3-6',
  month: '2026-01-01',
  k: 5,
  ...fields,
});

const PARENTS: Record<string, string | null> = { trust: null, division: 'trust', 'ward-a': 'division', 'ward-b': 'division' };
const parentOf = (id: string) => PARENTS[id] ?? null;

describe('disclosure cells', () => {
  it('keeps an atom of k or more as it is', () => {
    const { cells, excluded } = partition([atom({ n: 5 })], { parentOf });
    expect(excluded).toEqual([]);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ organisationId: 'ward-a', cohort: '2026', periodUnit: 'month', periodStart: '2026-01-01', periodEnd: '2026-01-01', n: 5 });
  });

  it('merges small atoms across cohort first, leaving a big neighbour untouched', () => {
    const { cells } = partition([atom({ n: 6 }), atom({ cohort: '2025', n: 3 }), atom({ cohort: '', n: 2 })], { parentOf });
    expect(cells.map((c) => ({ cohort: c.cohort, n: c.n }))).toEqual(
      expect.arrayContaining([
        { cohort: '2026', n: 6 },
        { cohort: null, n: 5 },
      ]),
    );
  });

  it('merges into a quarter, then up the organisation tree, before giving up setting and role', () => {
    const { cells } = partition(
      [atom({ month: '2026-01-01', n: 2 }), atom({ month: '2026-03-01', n: 2 }), atom({ organisationId: 'ward-b', month: '2026-02-01', n: 1, tenureBand: '0-3' })],
      { parentOf },
    );
    // Months and tenure bands merge first; the ward-b person then needs the division.
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ organisationId: 'division', roleId: 'psw', settingId: 'inpatient', tenureBand: null, periodUnit: 'quarter', periodStart: '2026-01-01', n: 5 });
  });

  it('leaves out what stays too small, and uses the highest k among merged atoms', () => {
    const { cells, excluded } = partition([atom({ n: 4, k: 5 }), atom({ roleId: 'lw', n: 3, k: 10 })], { parentOf });
    // Together 7: enough for k 5, not for the k 10 one of them carries.
    expect(cells).toEqual([]);
    expect(excluded.map((a) => a.n).sort()).toEqual([3, 4]);
  });

  it('needs three tenants in a cell when asked, so no tenant is shown alone', () => {
    const atoms = ['t1', 't2'].map((tenantId) => atom({ tenantId, organisationId: null, n: 10 }));
    expect(partition(atoms, { minTenants: 3 }).cells).toEqual([]);
    expect(partition([...atoms, atom({ tenantId: 't3', organisationId: null, n: 1 })], { minTenants: 3 }).cells).toMatchObject([{ n: 21, tenants: 3 }]);
  });

  it('knows where quarters and years start and end', () => {
    expect(['2026-01-01', '2026-03-01', '2026-04-01', '2026-12-01'].map(quarterOf)).toEqual(['2026-01-01', '2026-01-01', '2026-04-01', '2026-10-01']);
    expect(periodEnd('quarter', '2026-10-01')).toBe('2026-12-01');
    expect(periodEnd('year', '2026-01-01')).toBe('2026-12-01');
  });
});
