import { pick, uuidFrom } from './random';

/**
 * Synthetic history for reports: staff in new roles with a hidden sense of belonging, who
 * answer "Where I belong" in quarterly rounds and sometimes leave. Realistic enough for a
 * report to find something: belonging differs by role and setting, dips a few months into a
 * role and recovers, its items agree with each other (so alpha is meaningful), peer support
 * and intention to stay go with it, and people who belong less leave more. Deterministic for
 * a given random source; used by the demo and by the million-response benchmark.
 */

/** Where people work and what they do there. */
export interface HistoryPlace {
  tenantId: string;
  organisationId: string;
  settingId: string;
  roleIds: readonly string[];
}

export interface HistoryStaff {
  id: string;
  tenantId: string;
  roleId: string;
  organisationId: string;
  settingId: string;
  startedOn: string;
  cohort: string;
  leftOn: string | null;
  /** Hidden: how much they belong (about −2 to 2), which their answers and leaving follow. */
  belonging: number;
  /** Hidden: how much peer support they have. */
  peerSupport: number;
}

/** One person asked in one round: their answers, or null when they did not answer. */
export interface HistoryInvitation {
  staff: HistoryStaff;
  round: number;
  /** The day the round opened, YYYY-MM-DD. */
  opensOn: string;
  /** The day they answered (YYYY-MM-DD) and their months in post then; the day the round opened for those who did not. */
  submittedOn: string;
  tenureMonths: number;
  answers: Record<string, unknown> | null;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A stable small effect for an id: roles and settings differ, the same way every run. */
function effectOf(id: string, scale: number): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return ((h % 1000) / 1000 - 0.5) * 2 * scale;
}

export interface StaffOptions {
  count: number;
  /** Earliest and latest start dates, YYYY-MM-DD. */
  startFrom: string;
  startTo: string;
  /** The day the history ends (leaving after it has not happened yet), YYYY-MM-DD. */
  today: string;
}

/** Staff for the places, with hidden belonging; some leave, the less they belong the sooner. */
export function historyStaff(random: () => number, places: readonly HistoryPlace[], options: StaffOptions): HistoryStaff[] {
  const from = Date.parse(options.startFrom);
  const span = Math.max(1, Math.round((Date.parse(options.startTo) - from) / DAY));
  const today = Date.parse(options.today);
  return Array.from({ length: options.count }, () => {
    const place = pick(random, places);
    const roleId = pick(random, place.roleIds);
    const started = from + Math.floor(random() * span) * DAY;
    const belonging = effectOf(roleId, 0.6) + effectOf(place.settingId, 0.5) + effectOf(place.organisationId, 0.3) + normal(random) * 0.8;
    const peerSupport = 0.6 * belonging + effectOf(roleId + 'peer', 0.5) + normal(random) * 0.7;
    // Yearly chance of leaving: about 10% for those who belong most, over 35% for those who belong least.
    const yearly = 1 / (1 + Math.exp(1.6 + 0.9 * belonging));
    const daysToLeave = Math.round((-Math.log(1 - random()) / -Math.log(1 - yearly)) * 365);
    const left = started + Math.max(30, daysToLeave) * DAY;
    const startedOn = isoDay(started);
    return {
      id: uuidFrom(random),
      tenantId: place.tenantId,
      roleId,
      organisationId: place.organisationId,
      settingId: place.settingId,
      startedOn,
      cohort: `${startedOn.slice(0, 4)} ${Number(startedOn.slice(5, 7)) <= 6 ? 'spring' : 'autumn'}`,
      leftOn: left <= today ? isoDay(left) : null,
      belonging,
      peerSupport,
    };
  });
}

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

const COMMENTS = [
  'My team have made me feel really welcome.',
  'I still do not know who to go to when I am unsure what I am allowed to do.',
  'Supervision has been patchy since my supervisor left.',
  'Meeting other peer workers each month keeps me going.',
  'Nobody in the practice knows what my role is for.',
  'I would like more chances to learn from people in the same role.',
  'The induction was good but the first weeks were lonely.',
  'I feel part of the team now, which I did not at first.',
];

/** One person's answers to "Where I belong" at a point in their tenure. */
export function belongingAnswers(random: () => number, staff: HistoryStaff, tenureMonths: number): Record<string, unknown> {
  // A dip three to six months in, as the newness wears off, then recovery.
  const dip = tenureMonths >= 3 && tenureMonths < 6 ? -0.35 : tenureMonths >= 12 ? 0.15 : 0;
  const b = staff.belonging + dip + normal(random) * 0.3;
  const item = (loading: number, noise = 0.55) => clamp(3.1 + loading * b + normal(random) * noise);
  const peer = (noise = 0.6) => clamp(3 + 0.9 * staff.peerSupport + normal(random) * noise);
  const roll = random();
  const where = b < -0.9 && roll < 0.7 ? 'nowhere' : b > 0.6 ? (roll < 0.5 ? 'both' : roll < 0.75 ? 'team' : 'host') : roll < 0.15 ? 'nowhere' : roll < 0.5 ? 'host' : roll < 0.8 ? 'team' : 'both';
  const answers: Record<string, unknown> = {
    bel_where: where,
    bel_part_of_team: item(0.9),
    bel_accepted: item(0.85),
    bel_valued: item(0.8),
    bel_isolated: clamp(3 - 0.8 * b + normal(random) * 0.6),
    bel_peer_contact: peer(),
    bel_peer_help: peer(0.5),
    bel_supervision_regular: item(0.4, 0.9),
    bel_supervision_useful: item(0.45, 0.8),
    bel_pushback: clamp(2.6 - 0.5 * b + normal(random) * 0.8),
    bel_stay_year: item(0.7, 0.7),
    bel_thinking_leaving: clamp(2.8 - 0.75 * b + normal(random) * 0.7),
  };
  if (random() < 0.2) answers.bel_comment = pick(random, COMMENTS);
  return answers;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/**
 * Quarterly rounds of "Where I belong": in each round (opening on each date given) everyone in
 * post three months or more is asked; about `responseRate` of them answer, within three weeks.
 */
export function* belongingRounds(random: () => number, staff: readonly HistoryStaff[], roundDates: readonly string[], responseRate = 0.65): Generator<HistoryInvitation> {
  for (const [round, opensOn] of roundDates.entries()) {
    const opened = Date.parse(opensOn);
    for (const person of staff) {
      const threeMonthsIn = Date.parse(person.startedOn) + 90 * DAY;
      if (threeMonthsIn > opened || (person.leftOn && Date.parse(person.leftOn) <= opened)) continue;
      if (random() >= responseRate) {
        yield { staff: person, round, opensOn, submittedOn: opensOn, tenureMonths: monthsBetween(person.startedOn, opensOn), answers: null };
        continue;
      }
      const submittedOn = isoDay(opened + Math.floor(random() * 21) * DAY);
      const tenureMonths = monthsBetween(person.startedOn, submittedOn);
      yield { staff: person, round, opensOn, submittedOn, tenureMonths, answers: belongingAnswers(random, person, tenureMonths) };
    }
  }
}
