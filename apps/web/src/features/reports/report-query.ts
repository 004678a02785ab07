import { graphql, type ResultOf } from '../../graphql';

export const FiguresFragment = graphql(`
  fragment Figures on ReportFigures {
    suppressed
    reason
    responded
    constructs {
      code
      name
      higherIsBetter
      n
      mean
      low
      high
      favourable {
        share
      }
      alpha
      alphaN
    }
    belongingMap {
      n
      host {
        share
      }
      team {
        share
      }
      both {
        share
      }
      nowhere {
        share
      }
    }
    isolationRisk {
      n
      share
    }
    intentionToLeave {
      n
      share
    }
  }
`);

/** Enough of a group's figures for a line of means: over time, over tenure. */
export const MeansFragment = graphql(`
  fragment Means on ReportFigures {
    suppressed
    reason
    responded
    constructs {
      code
      name
      mean
    }
  }
`);

export const ReportQuery = graphql(
  `
    query RoleEvaluationReport($filter: RoleEvaluationFilter!, $by: ReportDimension!) {
      roleEvaluation(filter: $filter) {
        minimumGroupSize
        invited
        completed
        responseRate
        releasedLinks {
          campaignId
          releasedAt
        }
        figures {
          ...Figures
        }
        peerRoles {
          ...Figures
        }
        benchmark {
          ...Figures
        }
        breakdown(by: $by) {
          dimension
          rows {
            key
            label
            figures {
              ...Figures
            }
          }
          unattributed {
            responded
          }
        }
        trend(interval: QUARTER) {
          period
          figures {
            ...Means
          }
        }
        tenureCurve {
          band
          fromMonths
          toMonths
          figures {
            ...Means
          }
        }
      }
    }
  `,
  [FiguresFragment, MeansFragment],
);

/** Constructs by setting for one role: a row of the heatmap. */
export const HeatmapRowQuery = graphql(`
  query HeatmapRow($filter: RoleEvaluationFilter!) {
    roleEvaluation(filter: $filter) {
      breakdown(by: SETTING) {
        rows {
          key
          label
          figures {
            suppressed
            reason
            constructs {
              code
              mean
            }
          }
        }
      }
    }
  }
`);

export const ReportOptionsQuery = graphql(`
  query ReportOptions {
    instruments {
      code
      title
    }
    roles {
      id
      name
    }
    settings {
      id
      name
    }
  }
`);

/** Which roles and settings have enough responses to show on their own, for an instrument and organisation. */
export const SafeGroupsQuery = graphql(`
  query SafeGroups($filter: RoleEvaluationFilter!) {
    roleEvaluation(filter: $filter) {
      byRole: breakdown(by: ROLE) {
        rows {
          key
          label
          figures {
            suppressed
          }
        }
      }
      bySetting: breakdown(by: SETTING) {
        rows {
          key
          label
          figures {
            suppressed
          }
        }
      }
    }
  }
`);

/** The report's extra sections: checklist, drivers, comments and retention. */
export const ReportDetailsQuery = graphql(`
  query RoleEvaluationDetails($filter: RoleEvaluationFilter!) {
    roleEvaluation(filter: $filter) {
      figures {
        checklist {
          item
          question
          yes {
            n
            count
            share
          }
        }
        drivers {
          item
          question
          outcome
          n
          correlation
        }
      }
      comments {
        shown
        reason
        minimum
        comments {
          question
          text
        }
      }
      retention {
        bands {
          band
          suppressed
          leftWithin6Months {
            n
            count
            share
          }
          leftWithin12Months {
            n
            count
            share
          }
        }
      }
    }
  }
`);

export type Report = ResultOf<typeof ReportQuery>['roleEvaluation'];
