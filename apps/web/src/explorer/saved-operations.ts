/**
 * The explorer's saved operations: what evaluators ask most, ready to run. `{{psw}}` and
 * `{{pcn}}` are filled in with the ids of the peer support worker role and the first primary
 * care network the caller can see.
 */
export interface SavedOperation {
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

const FIGURES = `responded suppressed reason
      constructs { code name n mean low high favourable { share } alpha }
      belongingMap { n host { share } team { share } both { share } nowhere { share } }
      isolationRisk { n count share }`;

export const SAVED_OPERATIONS: SavedOperation[] = [
  {
    title: 'Role comparison across settings',
    query: `# Peer support workers' belonging, setting by setting, beside every other role and all trusts.
query RoleAcrossSettings($roleIds: [ID!]) {
  roleEvaluation(filter: { instrument: "where_i_belong", roleIds: $roleIds }) {
    minimumGroupSize
    figures { ${FIGURES} }
    peerRoles { responded constructs { code mean } }
    breakdown(by: SETTING) {
      rows { label figures { ${FIGURES} } benchmark { responded suppressed reason constructs { code mean } } }
      unattributed { responded }
    }
  }
}`,
    variables: { roleIds: ['{{psw}}'] },
  },
  {
    title: 'Isolation in a PCN',
    query: `# Who belongs nowhere and lacks peer support, practice by practice.
query IsolationInPcn($pcn: ID!) {
  roleEvaluation(filter: { instrument: "where_i_belong", organisationId: $pcn }) {
    figures { responded isolationRisk { n count share } belongingMap { n nowhere { count share } } }
    breakdown(by: ORGANISATION) {
      rows { label figures { suppressed reason responded isolationRisk { n share } } }
    }
    breakdownByRole: breakdown(by: ROLE) {
      rows { label figures { suppressed reason responded isolationRisk { n share } } }
    }
  }
}`,
    variables: { pcn: '{{pcn}}' },
  },
  {
    title: 'Retention by belonging band',
    query: `# Who left within 6 and 12 months of answering, by how much they belonged (pseudonymous campaigns).
query RetentionByBelonging {
  roleEvaluation(filter: { instrument: "where_i_belong" }) {
    minimumGroupSize
    retention { bands { band suppressed leftWithin6Months { n count share } leftWithin12Months { n count share } } }
  }
}`,
    variables: {},
  },
  {
    title: 'Trend',
    query: `# Belonging and intention to stay, quarter by quarter, with 95% intervals.
query Trend($from: String) {
  roleEvaluation(filter: { instrument: "where_i_belong", from: $from }) {
    trend(interval: QUARTER) {
      period
      figures { responded suppressed reason constructs { code name n mean low high } }
    }
  }
}`,
    variables: { from: '2025-10' },
  },
];

/** The operation's variables as JSON, with the caller's ids put in. */
export function variablesFor(operation: SavedOperation, ids: { psw: string | null; pcn: string | null }): string {
  return JSON.stringify(operation.variables, null, 2)
    .replaceAll('"{{psw}}"', JSON.stringify(ids.psw ?? 'the id of a role'))
    .replaceAll('"{{pcn}}"', JSON.stringify(ids.pcn ?? 'the id of an organisation'));
}
