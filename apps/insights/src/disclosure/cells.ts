/**
 * The disclosure cells: a partition of a tenant's responses, fixed by the data alone, into
 * groups of at least k respondents. Every figure a report shows is a sum over whole cells, so
 * no combination of figures (parent minus children, total minus siblings, one filter minus an
 * overlapping one, or any other sum and difference) can single out fewer than k people.
 *
 * It starts from atoms: respondents who share every dimension a report can filter or break down
 * by (survey, organisation, role, setting, cohort, tenure band, month). An atom of k or more is a
 * cell. Smaller ones are merged with their small neighbours one dimension at a time, giving up
 * first the detail evaluators need least: cohort, then month (to quarter), tenure band, the
 * organisation (up the tree a level at a time), quarter (to year), year, setting, and last role.
 * What is still too small after all of that is left out of every figure.
 */

/** No setting recorded, as an atom keeps it (a cell's null setting means "any"). */
export const NO_SETTING = '00000000-0000-0000-0000-000000000000';
/** No cohort recorded, as an atom keeps it. */
export const NO_COHORT = '';

export type PeriodUnit = 'month' | 'quarter' | 'year' | 'all';

/** Respondents alike in every reportable dimension. */
export interface Atom {
  tenantId: string;
  surveyId: string;
  /** Null where the partition has no organisation dimension (the all-tenant benchmark). */
  organisationId: string | null;
  roleId: string;
  settingId: string;
  cohort: string;
  tenureBand: string;
  /** First day of the month answered, YYYY-MM-01. */
  month: string;
  n: number;
  /** The smallest group its campaign or tenant allows to be shown. */
  k: number;
}

/**
 * What a cell covers. Null on a dimension means any value of it; the organisation is a subtree
 * (or, for a cell never merged on it, the one organisation where its respondents work).
 */
export interface Extent {
  surveyId: string;
  organisationId: string | null;
  roleId: string | null;
  settingId: string | null;
  cohort: string | null;
  tenureBand: string | null;
  periodUnit: PeriodUnit;
  /** First month covered, YYYY-MM-01. */
  periodStart: string;
}

export interface Cell extends Extent {
  /** Last month covered, YYYY-MM-01. */
  periodEnd: string;
  n: number;
  k: number;
  /** How many tenants contribute. */
  tenants: number;
  atoms: Atom[];
}

export interface PartitionOptions {
  /** An organisation's parent (null at the top): lets small groups merge up the tree. */
  parentOf?: (organisationId: string) => string | null;
  /** Fewest tenants a cell may hold (3 for the all-tenant benchmark, so none is ever shown alone). */
  minTenants?: number;
}

const FIRST_MONTH = '0001-01-01';
const LAST_MONTH = '9999-12-01';

function shiftMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** First month of the quarter or year a month falls in. */
export function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}
const yearOf = (month: string) => `${month.slice(0, 4)}-01-01`;

/** Last month a period covers. */
export function periodEnd(unit: PeriodUnit, start: string): string {
  if (unit === 'month') return start;
  if (unit === 'quarter') return shiftMonths(start, 2);
  if (unit === 'year') return shiftMonths(start, 11);
  return LAST_MONTH;
}

type Step = (extent: Extent) => Extent;

function steps(options: PartitionOptions, depth: number): Step[] {
  const parentOf = options.parentOf ?? (() => null);
  const up: Step = (e) => (e.organisationId === null ? e : { ...e, organisationId: parentOf(e.organisationId) ?? e.organisationId });
  return [
    (e) => ({ ...e, cohort: null }),
    (e) => (e.periodUnit === 'month' ? { ...e, periodUnit: 'quarter', periodStart: quarterOf(e.periodStart) } : e),
    (e) => ({ ...e, tenureBand: null }),
    ...Array.from({ length: depth }, () => up),
    (e) => (e.periodUnit === 'quarter' ? { ...e, periodUnit: 'year', periodStart: yearOf(e.periodStart) } : e),
    (e) => ({ ...e, periodUnit: 'all', periodStart: FIRST_MONTH }),
    (e) => ({ ...e, settingId: null }),
    (e) => ({ ...e, roleId: null }),
  ];
}

const keyOf = (e: Extent) => [e.surveyId, e.organisationId, e.roleId, e.settingId, e.cohort, e.tenureBand, e.periodUnit, e.periodStart].join('|');

function extentOf(atom: Atom): Extent {
  return {
    surveyId: atom.surveyId,
    organisationId: atom.organisationId,
    roleId: atom.roleId,
    settingId: atom.settingId,
    cohort: atom.cohort,
    tenureBand: atom.tenureBand,
    periodUnit: 'month',
    periodStart: atom.month,
  };
}

function depthOf(atoms: readonly Atom[], parentOf: PartitionOptions['parentOf']): number {
  if (!parentOf) return 0;
  let deepest = 0;
  for (const id of new Set(atoms.map((a) => a.organisationId))) {
    let depth = 0;
    for (let at = id; at !== null && depth < 100; depth++) at = parentOf(at);
    deepest = Math.max(deepest, depth - 1);
  }
  return deepest;
}

interface Group {
  extent: Extent;
  atoms: Atom[];
}

function group(pending: readonly Group[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const g of pending) {
    const key = keyOf(g.extent);
    const found = byKey.get(key);
    if (found) found.atoms.push(...g.atoms);
    else byKey.set(key, { extent: g.extent, atoms: [...g.atoms] });
  }
  return [...byKey.values()];
}

/** The cells atoms fall into, and the atoms too small to show even once merged. Deterministic. */
export function partition(atoms: readonly Atom[], options: PartitionOptions = {}): { cells: Cell[]; excluded: Atom[] } {
  const minTenants = options.minTenants ?? 1;
  const cells: Cell[] = [];
  let pending: Group[] = atoms.filter((a) => a.n > 0).map((a) => ({ extent: extentOf(a), atoms: [a] }));
  const settle = (groups: Group[]): Group[] => {
    const small: Group[] = [];
    for (const g of groups) {
      const n = g.atoms.reduce((sum, a) => sum + a.n, 0);
      const k = Math.max(...g.atoms.map((a) => a.k));
      const tenants = new Set(g.atoms.map((a) => a.tenantId)).size;
      if (n >= k && tenants >= minTenants) cells.push({ ...g.extent, periodEnd: periodEnd(g.extent.periodUnit, g.extent.periodStart), n, k, tenants, atoms: g.atoms });
      else small.push(g);
    }
    return small;
  };
  pending = settle(group(pending));
  for (const step of steps(options, depthOf(atoms, options.parentOf))) {
    if (!pending.length) break;
    pending = settle(group(pending.map((g) => ({ extent: step(g.extent), atoms: g.atoms }))));
  }
  cells.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return { cells, excluded: pending.flatMap((g) => g.atoms) };
}
