/** How each kind of organisation reads to a person. */
export const KIND_LABELS = {
  INTEGRATED_CARE_BOARD: 'Integrated care board',
  TRUST: 'Trust',
  LOCALITY: 'Locality',
  PRIMARY_CARE_NETWORK: 'Primary care network',
  PRACTICE: 'Practice',
  SERVICE: 'Service',
  TEAM: 'Team',
} as const;
