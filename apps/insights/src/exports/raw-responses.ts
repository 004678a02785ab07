import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { audit, ErrorCode, grantsFor, HarbourError, parseId, requireScope, scopeCondition, type HarbourContext } from '@harbour/graphql-kit';
import { elementsOf } from '@harbour/survey-kit';
import { csvWriter } from './csv-writer';

interface Row {
  pseudonym: string;
  version_number: number;
  submitted_on: string;
  role: string;
  organisation: string;
  setting: string | null;
  cohort: string | null;
  tenure_months: number;
  answers: Record<string, unknown>;
  scores: { code: string; score: number | null }[];
}

/** An answer as a CSV cell: numbers stay numbers (so a negative one is not taken for a formula), lists and objects as JSON. */
const cell = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'number' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * GET /exports/responses.csv?campaignId=<id>: one pseudonymous campaign's responses, a row
 * each (pseudonym, group, day answered, every answer by item code, construct scores), for
 * holders of a researcher grant over the organisations answered from. Every export is audited.
 * Anonymous campaigns are refused: their responses never leave as rows.
 */
export async function rawResponses(ctx: HarbourContext, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const scope = requireScope(ctx, 'export_raw');
  const campaignId = parseId('campaignId', query.get('campaignId') ?? '');
  const [campaign] = (await ctx.db.query(
    `SELECT c.campaign_id, c.tenant_id, c.survey_id, c.anonymity, s.title FROM forms.report_campaign c JOIN forms.report_survey s ON s.survey_id = c.survey_id WHERE c.campaign_id = $1`,
    [campaignId],
  )) as { campaign_id: string; tenant_id: string; survey_id: string; anonymity: string; title: string }[];
  if (!campaign) throw new HarbourError(ErrorCode.NOT_FOUND, `campaignId: no campaign ${campaignId} that you may export`, { argument: 'campaignId' });
  if (campaign.anonymity !== 'pseudonymous') {
    throw new HarbourError(ErrorCode.FORBIDDEN, `This campaign is ${campaign.anonymity}: only pseudonymous campaigns' responses can be exported as rows`, { reason: 'NOT_PSEUDONYMOUS' });
  }
  const params: unknown[] = [campaignId];
  const inScope = scopeCondition(scope, { tenant: 'r.tenant_id', organisation: 'r.organisation_id' }, (value) => `$${params.push(value)}`);
  const rows = (await ctx.db.query(
    `SELECT r.pseudonym, r.version_number, r.submitted_on::text, role.name AS role, organisation.name AS organisation, setting.name AS setting, r.cohort, r.tenure_months, r.answers, r.scores
     FROM responses.report_raw_response r
     JOIN directory.report_label role ON role.kind = 'role' AND role.id = r.role_id
     JOIN directory.report_label organisation ON organisation.kind = 'organisation' AND organisation.id = r.organisation_id
     LEFT JOIN directory.report_label setting ON setting.kind = 'setting' AND setting.id = r.setting_id
     WHERE r.campaign_id = $1 AND ${inScope}
     ORDER BY r.submitted_on, r.pseudonym`,
    params,
  )) as Row[];
  // No rows may mean none answered where the grant reaches, or a grant nowhere in this trust.
  if (!rows.length && !grantsFor(ctx.caller, 'export_raw').some((g) => g.tenantId === campaign.tenant_id)) {
    throw new HarbourError(ErrorCode.FORBIDDEN, 'You hold no researcher grant over this campaign\'s organisations', { reason: 'NO_GRANT' });
  }
  const [version] = (await ctx.db.query(`SELECT json FROM forms.report_survey_version WHERE survey_id = $1 ORDER BY version_number DESC LIMIT 1`, [campaign.survey_id])) as {
    json: unknown;
  }[];
  const items = version ? elementsOf(version.json).map(({ json }) => String(json.name)) : [...new Set(rows.flatMap((r) => Object.keys(r.answers)))];
  const constructs = [...new Set(rows.flatMap((r) => r.scores.map((s) => s.code)))];
  await audit(ctx, {
    action: 'responses.export',
    tenantId: campaign.tenant_id,
    targetType: 'campaign',
    targetId: campaignId,
    details: { rows: rows.length, format: 'csv' },
  });
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="responses-${campaignId}.csv"`, 'cache-control': 'no-store' });
  const writer = csvWriter(['pseudonym', 'version', 'submitted_on', 'role', 'organisation', 'setting', 'cohort', 'tenure_months', ...items, ...constructs.map((c) => `score_${c}`)]);
  writer.pipe(res);
  for (const r of rows) {
    const scores = new Map(r.scores.map((s) => [s.code, s.score]));
    const line = [r.pseudonym, r.version_number, r.submitted_on, r.role, r.organisation, r.setting ?? '', r.cohort ?? '', r.tenure_months, ...items.map((i) => cell(r.answers[i])), ...constructs.map((c) => cell(scores.get(c)))];
    if (!writer.write(line)) await once(writer, 'drain');
  }
  writer.end();
  await once(res, 'finish');
}
