import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import ExcelJS from 'exceljs';
import { ErrorCode, HarbourError, type Downloads, type HarbourContext } from '@harbour/graphql-kit';
import { openEvaluation } from '../report/open-evaluation';
import { ReportDimension, TenureBand, type RoleEvaluationFilter } from '../report/report.types';
import { csvWriter } from './csv-writer';
import { rawResponses } from './raw-responses';
import { reportTables, TABLE_NAMES, type ReportTable, type TableName } from './report-tables';

const bad = (argument: string, message: string) => new HarbourError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });

const LISTS = ['surveyIds', 'roleIds', 'settingIds', 'cohorts', 'tenureBands'] as const;
const TEXTS = ['instrument', 'organisationId', 'from', 'to'] as const;

/** The `filter` query parameter: the same fields as RoleEvaluationFilter, as JSON (tenure bands by their GraphQL names). */
export function filterFrom(query: URLSearchParams): RoleEvaluationFilter {
  const raw = query.get('filter');
  if (!raw) throw bad('filter', 'give the report\'s filter as JSON, e.g. filter={"instrument":"where_i_belong"}');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw bad('filter', 'is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('filter', 'must be a JSON object');
  const filter: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((TEXTS as readonly string[]).includes(key)) {
      if (typeof field !== 'string') throw bad(`filter.${key}`, 'must be a string');
      filter[key] = field;
    } else if ((LISTS as readonly string[]).includes(key)) {
      if (!Array.isArray(field) || !field.every((x) => typeof x === 'string')) throw bad(`filter.${key}`, 'must be a list of strings');
      filter[key] =
        key === 'tenureBands'
          ? field.map((name: string) => {
              const band = TenureBand[name as keyof typeof TenureBand];
              if (!band) throw bad('filter.tenureBands', `"${name}" is not one of ${Object.keys(TenureBand).join(', ')}`);
              return band;
            })
          : field;
    } else throw bad(`filter.${key}`, `is not a filter field (${[...TEXTS, ...LISTS].join(', ')})`);
  }
  return filter as RoleEvaluationFilter;
}

function dimensionFrom(query: URLSearchParams): ReportDimension {
  const name = query.get('by') ?? 'SETTING';
  const dimension = ReportDimension[name as keyof typeof ReportDimension];
  if (!dimension) throw bad('by', `"${name}" is not one of ${Object.keys(ReportDimension).join(', ')}`);
  return dimension;
}

async function tablesFor(ctx: HarbourContext, query: URLSearchParams): Promise<ReportTable[]> {
  const evaluation = await openEvaluation(ctx, filterFrom(query));
  return reportTables(ctx.db, evaluation, dimensionFrom(query));
}

const attachment = (name: string) => `attachment; filename="${name}"`;

/** Every table as a sheet, streamed as it is written. */
async function xlsx(ctx: HarbourContext, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const tables = await tablesFor(ctx, query);
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': attachment('role-evaluation.xlsx'),
    'cache-control': 'no-store',
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
  workbook.creator = 'Harbour';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    sheet.columns = table.columns.map((header) => ({ header, width: Math.max(10, Math.min(48, header.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (const row of table.rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** One table (`table`, default constructs) as CSV, streamed row by row. */
async function csv(ctx: HarbourContext, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const name = (query.get('table') ?? 'constructs') as TableName;
  if (!TABLE_NAMES.includes(name)) throw bad('table', `"${name}" is not one of ${TABLE_NAMES.join(', ')}`);
  const table = (await tablesFor(ctx, query)).find((t) => t.name === name)!;
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(`role-evaluation-${name}.csv`), 'cache-control': 'no-store' });
  const writer = csvWriter(table.columns);
  writer.pipe(res);
  for (const row of table.rows) if (!writer.write(row)) await once(writer, 'drain');
  writer.end();
  await once(res, 'finish');
}

/** The downloads insights serves, through the gateway at the same paths: the role evaluation's tables, and raw pseudonymous responses. */
export const reportDownloads: Downloads = {
  '/exports/role-evaluation.xlsx': xlsx,
  '/exports/role-evaluation.csv': csv,
  '/exports/responses.csv': rawResponses,
};
