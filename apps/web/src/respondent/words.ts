/**
 * What the respondent's page says around the survey, in English and Welsh: the promise about who
 * sees the answers (plain words, no "pseudonymous"), saving, resuming and dates in words. One
 * place, so both languages say the same thing.
 */
export type Language = 'en' | 'cy';
export type Anonymity = 'ANONYMOUS' | 'PSEUDONYMOUS' | 'IDENTIFIED';

const PROMISES: Record<Anonymity, Record<Language, string>> = {
  ANONYMOUS: {
    en: 'Your answers are anonymous: nothing links them to you, and reports only show groups of several people.',
    cy: "Mae eich atebion yn ddienw: does dim byd yn eu cysylltu â chi, a dim ond grwpiau o sawl person y mae adroddiadau'n eu dangos.",
  },
  PSEUDONYMOUS: {
    en: 'Your name is not kept with your answers. A code links them to your answers in later rounds, so that change over time can be seen, and reports only show groups of several people.',
    cy: "Nid yw eich enw'n cael ei gadw gyda'ch atebion. Mae cod yn eu cysylltu â'ch atebion mewn rowndiau diweddarach, fel y gellir gweld newid dros amser, a dim ond grwpiau o sawl person y mae adroddiadau'n eu dangos.",
  },
  IDENTIFIED: {
    en: 'Your answers will be linked to your name. This survey is not about sensitive matters.',
    cy: "Bydd eich atebion yn cael eu cysylltu â'ch enw. Nid yw'r arolwg hwn yn ymwneud â materion sensitif.",
  },
};

export function promise(anonymity: Anonymity, language: Language): string {
  return PROMISES[anonymity][language];
}

/** Names of days (from Sunday, as Date counts them) and months: tables, as browsers' Welsh date data cannot be counted on. */
const DAYS: Record<Language, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: ['dydd Sul', 'dydd Llun', 'dydd Mawrth', 'dydd Mercher', 'dydd Iau', 'dydd Gwener', 'dydd Sadwrn'],
};
const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  cy: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
};

/** A day (YYYY-MM-DD) in words: "Saturday 30 January 2027", "dydd Sadwrn 30 Ionawr 2027". */
export function dayInWords(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  // Not a day (or one that does not exist, which Date would roll into the next month): as it came.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return day;
  return `${DAYS[language][date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[language][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "until Saturday 30 January 2027"; in Welsh "tan" softens the day's name: "tan ddydd Sadwrn 30 Ionawr 2027". */
export function untilDay(day: string, language: Language): string {
  const words = dayInWords(day, language);
  return language === 'cy' ? `tan ${words.replace(/^dydd /, 'ddydd ')}` : `until ${words}`;
}

/** "on Saturday 30 January 2027"; in Welsh "ar" softens the day's name: "ar ddydd Sadwrn 30 Ionawr 2027". */
export function onDay(day: string, language: Language): string {
  const words = dayInWords(day, language);
  return language === 'cy' ? `ar ${words.replace(/^dydd /, 'ddydd ')}` : `on ${words}`;
}

/** The pages around the survey: done, closed, not yet open, withdrawn, and the trust's contact. */
export const AROUND = {
  thankYou: { en: 'Thank you', cy: 'Diolch' },
  answersIn: {
    en: (on: string) => `Your answers are in${on ? ` (${on})` : ''}. You can close this page.`,
    cy: (on: string) => `Mae eich atebion wedi cyrraedd${on ? ` (${on})` : ''}. Gallwch gau'r dudalen hon.`,
  },
  alreadyDone: { en: 'Already done', cy: "Wedi'i wneud yn barod" },
  answeredOn: {
    en: (on: string) => (on ? `You answered this survey ${on}.` : 'You have answered this survey.') + ' Thank you: there is nothing more to do.',
    cy: (on: string) => (on ? `Fe wnaethoch ateb yr arolwg hwn ${on}.` : "Rydych wedi ateb yr arolwg hwn.") + " Diolch: does dim mwy i'w wneud.",
  },
  withdrawn: {
    en: 'You withdrew your answers to this survey. This link takes no more.',
    cy: "Fe wnaethoch dynnu eich atebion i'r arolwg hwn yn ôl. Nid yw'r ddolen hon yn derbyn rhagor.",
  },
  opens: { en: (on: string) => `This survey opens ${on}.`, cy: (on: string) => `Mae'r arolwg hwn yn agor ${on}.` },
  closed: { en: (on: string) => `This survey closed ${on}. Thank you all the same.`, cy: (on: string) => `Caeodd yr arolwg hwn ${on}. Diolch yr un fath.` },
  questions: { en: 'Questions about this survey? Write to', cy: "Cwestiynau am yr arolwg hwn? Ysgrifennwch at" },
  privacyNotice: { en: (trust: string) => (trust ? `${trust}'s privacy notice` : 'Privacy notice'), cy: (trust: string) => (trust ? `Hysbysiad preifatrwydd ${trust}` : 'Hysbysiad preifatrwydd') },
} as const;

const PHRASES = {
  savedAsYouGo: {
    en: (until: string) => `Your answers are saved as you go. You can finish later with this link, on any device, ${until}.`,
    cy: (until: string) => `Caiff eich atebion eu cadw wrth i chi fynd. Gallwch orffen yn nes ymlaen gyda'r ddolen hon, ar unrhyw ddyfais, ${until}.`,
  },
  welcomeBack: {
    en: (until: string) => `Welcome back: your answers so far are saved. Carry on where you left off, ${until}.`,
    cy: (until: string) => `Croeso nôl: mae eich atebion hyd yma wedi'u cadw. Ewch ymlaen o'r man lle gwnaethoch adael, ${until}.`,
  },
  savedAt: {
    en: (time: string) => `Saved at ${time}.`,
    cy: (time: string) => `Wedi'i gadw am ${time}.`,
  },
} as const;

/** Where the person is: "Page 2 of 4" / "Tudalen 2 o 4" (`page` counts from 0). */
export function pageOf(page: number, pages: number, language: Language): string {
  return language === 'cy' ? `Tudalen ${page + 1} o ${pages}` : `Page ${page + 1} of ${pages}`;
}

/** Whether a SurveyJS form gives any of its texts in Welsh. */
export function hasWelsh(form: unknown): boolean {
  return JSON.stringify(form).includes('"cy":');
}

export function phrase(name: keyof typeof PHRASES, language: Language, value: string): string {
  return PHRASES[name][language](value);
}

/** The language the person chose on this device before, if any, else their browser's when it is Welsh. */
export function rememberedLanguage(): Language {
  try {
    const chosen = localStorage.getItem(LANGUAGE_KEY);
    if (chosen === 'cy' || chosen === 'en') return chosen;
  } catch {
    // Storage blocked: fall through to the browser's language.
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

const LANGUAGE_KEY = 'harbour.language';
