import type { EntityManager } from 'typeorm';
import { bumpVersion } from '../submission/rollups';

/**
 * One invitation per person due in each open campaign, with who they are now (role, employing
 * organisation, setting, cohort, start date) copied onto it. Due means: in the audience and in
 * post today, and
 * - WINDOW: from the day it opens to the day it closes;
 * - RECURRING: in the current round (every `everyWeeks` weeks from `opensOn`) while it is open;
 * - LIFECYCLE: from `daysAfterStart` days after their start date (on or after the campaign opens)
 *   for `windowDays` days.
 * The unique (campaign, round, person) makes a second run, or a run after a restart, add nothing.
 */
const ISSUE = `
  WITH today AS (SELECT COALESCE($1::date, (now() AT TIME ZONE 'Europe/London')::date) AS d),
  campaign AS (
    SELECT c.campaign_id, c.tenant_id, c.survey_id, c.version_number, c.anonymity, c.audience,
           c.schedule->>'kind' AS kind, -- as forms stores it: window, recurring, lifecycle
           (c.schedule->>'opensOn')::date AS opens_on,
           (c.schedule->>'closesOn')::date AS closes_on,
           (c.schedule->>'everyWeeks')::int AS every_weeks,
           (c.schedule->>'windowDays')::int AS window_days,
           (c.schedule->>'daysAfterStart')::int AS days_after_start,
           (c.schedule->>'until')::date AS until,
           (c.audience->>'organisationId')::uuid AS organisation_id,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(c.audience->'roleIds', '[]')))::uuid[] AS role_ids,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(c.audience->'settingIds', '[]')))::uuid[] AS setting_ids,
           (c.audience->>'startedWithinDays')::int AS started_within,
           (c.audience->>'startedAtLeastDaysAgo')::int AS started_at_least
    FROM forms.delivery_campaign c
    WHERE c.state = 'open' AND ($2::uuid IS NULL OR c.campaign_id = $2::uuid)
  ),
  person AS (
    SELECT c.*, a.staff_id, a.role_id, a.employing_organisation_id, a.setting_id, a.cohort, a.started_on, t.d AS today,
           CASE c.kind WHEN 'recurring' THEN (t.d - c.opens_on) / (7 * c.every_weeks) ELSE 0 END AS round
    FROM campaign c CROSS JOIN today t
    JOIN directory.staff_audience a ON a.tenant_id = c.tenant_id AND (a.left_on IS NULL OR a.left_on > t.d)
    WHERE (EXISTS (SELECT 1 FROM directory.organisation_ancestry o WHERE o.ancestor_id = c.organisation_id AND o.descendant_id = a.employing_organisation_id)
           OR EXISTS (SELECT 1 FROM unnest(a.host_organisation_ids) h JOIN directory.organisation_ancestry o ON o.descendant_id = h WHERE o.ancestor_id = c.organisation_id))
      AND (cardinality(c.role_ids) = 0 OR a.role_id = ANY (c.role_ids))
      AND (cardinality(c.setting_ids) = 0 OR a.setting_id = ANY (c.setting_ids))
      AND (c.started_within IS NULL OR a.started_on >= t.d - c.started_within)
      AND (c.started_at_least IS NULL OR a.started_on <= t.d - c.started_at_least)
  ),
  due AS (
    SELECT p.*, w.opens, w.closes
    FROM person p
    CROSS JOIN LATERAL (
      SELECT CASE p.kind WHEN 'window' THEN p.opens_on
                         WHEN 'recurring' THEN p.opens_on + p.round * 7 * p.every_weeks
                         ELSE p.started_on + p.days_after_start END AS opens
    ) o
    CROSS JOIN LATERAL (SELECT o.opens, CASE p.kind WHEN 'window' THEN p.closes_on ELSE o.opens + p.window_days - 1 END AS closes) w
    WHERE w.opens >= p.opens_on AND w.opens <= p.today AND p.today <= w.closes AND (p.until IS NULL OR w.opens <= p.until)
  )
  INSERT INTO responses.invitation (id, tenant_id, campaign_id, round, staff_id, survey_id, version_number, anonymity,
                                    role_id, organisation_id, setting_id, cohort, started_on, opens_on, closes_on)
  SELECT gen_random_uuid(), tenant_id, campaign_id, round, staff_id, survey_id, version_number, anonymity,
         role_id, employing_organisation_id, setting_id, cohort, started_on, opens, closes
  FROM due
  ON CONFLICT (campaign_id, round, staff_id) DO NOTHING
  RETURNING id, tenant_id`;

/** Makes the invitations now due (in the tenants `db`'s transaction may see); `today` (YYYY-MM-DD) for tests. */
export async function issueInvitations(db: EntityManager, options: { today?: string; campaignId?: string } = {}): Promise<string[]> {
  const rows = (await db.query(ISSUE, [options.today ?? null, options.campaignId ?? null])) as { id: string; tenant_id: string }[];
  // Reports count invitations too: their summaries are out of date.
  for (const tenantId of new Set(rows.map((r) => r.tenant_id))) await bumpVersion(db, tenantId);
  return rows.map((r) => r.id);
}
