/** What the campaign promised about who sees the answers, as the first page says it. */
export const PROMISES = {
  ANONYMOUS: 'Your answers are anonymous: they keep no link to you, and reports show only groups of several people.',
  PSEUDONYMOUS: 'Your answers are pseudonymous: they are linked to your other answers over time, never to your name, and reports show only groups of several people.',
  IDENTIFIED: 'Your answers will be linked to your name. This survey is not about sensitive matters.',
} as const;
