import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { atMost, audit, LIST_SIZES, isUuid, parseId, requireAccount, withTenants, ErrorCode, HarbourError, type HarbourContext } from '@harbour/graphql-kit';
import { managedOrganisation } from '../organisation/organisation.access';
import { importStaff, type ImportPhase } from './staff-import.service';

/** Largest file accepted: 50,000 rows of a wide ESR export fit well inside it. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

@InputType({ description: 'A staff file to check, and to apply when `apply` is true.' })
export class ImportStaffInput {
  @Field(() => ID, { description: 'The organisation the staff belong to: the tenant, or one below it that you manage.' })
  organisationId!: string;

  @Field(() => String, {
    description:
      'The CSV text. Columns (header names are matched loosely; ESR names work too): external_ref, role, employing_organisation, start_date (required); host_organisations (separated by ;), setting, cohort, pay_band, line_manager_ref, clinical_supervisor_ref, name, email, left_date, leave_reason.',
  })
  @MaxLength(MAX_IMPORT_BYTES)
  csv!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'False (the default) only checks the file; true applies it, all or nothing.' })
  apply: boolean = false;

  @Field(() => ID, { nullable: true, description: 'An id you choose, to follow progress with `staffImport(id)` while this runs.' })
  @IsOptional()
  importId?: string | null;
}

@ObjectType({ description: 'A problem with one cell (or the whole file), where a person would look for it.' })
export class ImportProblemReport {
  @Field(() => Int, { description: 'Line in the file; the header is line 1.' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column, as the file names it.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: 'What the cell holds.' })
  value!: string | null;

  @Field(() => String, { description: 'What is wrong, in plain words.' })
  message!: string;
}

@ObjectType({ description: 'What an import found and did. With any problem, nothing was applied.' })
export class StaffImportReport {
  @Field(() => Boolean, { description: 'True when the staff were written; false for a check, or when there were problems.' })
  applied!: boolean;

  @Field(() => Int, { description: 'Staff rows in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'New staff.' })
  created!: number;

  @Field(() => Int, { description: 'Staff whose role, employer, hosts or setting changed (each gets a CHANGED event).' })
  changed!: number;

  @Field(() => Int, { description: 'Staff whose other details changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Staff newly recorded as having left.' })
  left!: number;

  @Field(() => Int, { description: 'Staff exactly as Harbour already had them.' })
  unchanged!: number;

  @Field(() => [ImportProblemReport], { description: `The problems, by row and column: the first ${LIST_SIZES['StaffImportReport.problems']} when there are more (problemCount says how many). ${atMost('StaffImportReport.problems')}` })
  problems!: ImportProblemReport[];

  @Field(() => Int, { description: 'How many problems the file has in all.' })
  problemCount!: number;

  @Field(() => [String], { description: `Columns Harbour does not use, left alone: the first ${LIST_SIZES['StaffImportReport.ignoredColumns']}. ${atMost('StaffImportReport.ignoredColumns')}` })
  ignoredColumns!: string[];
}

@ObjectType({ description: 'How far an import has got.' })
export class StaffImportProgress {
  @Field(() => ID, { description: 'The id given when the import started.' })
  id!: string;

  @Field(() => String, { description: 'checking, applying, done or failed.' })
  phase!: string;

  @Field(() => Int, { description: 'Rows (or, while applying, changes) done so far.' })
  processed!: number;

  @Field(() => Int, { description: 'How many there are in this phase.' })
  total!: number;
}

@Resolver()
export class StaffImportResolver {
  @Mutation(() => StaffImportReport, {
    description: 'Checks a staff CSV and, with apply: true, upserts it by external reference in one transaction (trust admins). A second run of the same file changes nothing.',
  })
  async importStaff(@Arg('input', () => ImportStaffInput, { description: 'The file and where it goes.' }) input: ImportStaffInput, @Ctx() ctx: HarbourContext): Promise<StaffImportReport> {
    const caller = requireAccount(ctx, { session: true });
    const organisation = await managedOrganisation(ctx, 'organisationId', input.organisationId);
    const importId = input.importId ? parseId('importId', input.importId) : null;
    // Progress goes through transactions of its own, so others can read it while this one runs.
    const dataSource = ctx.db.connection;
    const track = async (phase: ImportPhase, processed: number, total: number) => {
      if (!importId) return;
      await withTenants(dataSource, ctx.caller, (db) =>
        db.query(
          `INSERT INTO directory.staff_import (id, tenant_id, account_id, apply, phase, processed_rows, total_rows) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, processed_rows = EXCLUDED.processed_rows, total_rows = EXCLUDED.total_rows,
             finished_at = CASE WHEN EXCLUDED.phase IN ('done', 'failed') THEN now() END
           WHERE directory.staff_import.account_id = EXCLUDED.account_id`,
          [importId, organisation.tenantId, caller.accountId, input.apply, phase, processed, total],
        ),
      );
    };
    try {
      const outcome = await importStaff(
        ctx.db,
        {
          scope: organisation,
          csv: input.csv,
          apply: input.apply,
          accountId: caller.accountId,
          today: new Date().toISOString().slice(0, 10),
        },
        track,
      );
      if (outcome.applied) {
        const { problems: _problems, ignoredColumns: _ignored, ...counts } = outcome;
        await audit(ctx, { action: 'staff.import', tenantId: organisation.tenantId, organisationId: organisation.id, targetType: 'organisation', targetId: organisation.id, details: counts });
      }
      await track(outcome.problems.length ? 'failed' : 'done', outcome.rows, outcome.rows);
      return {
        ...outcome,
        problems: outcome.problems.slice(0, LIST_SIZES['StaffImportReport.problems']),
        problemCount: outcome.problems.length,
        ignoredColumns: outcome.ignoredColumns.slice(0, LIST_SIZES['StaffImportReport.ignoredColumns']),
      };
    } catch (error) {
      await track('failed', 0, 0).catch(() => undefined);
      throw error;
    }
  }

  @Query(() => StaffImportProgress, { nullable: true, description: 'How far one of your imports has got; null when there is no such import.' })
  async staffImport(@Arg('id', () => ID, { description: 'The importId you gave.' }) id: string, @Ctx() ctx: HarbourContext): Promise<StaffImportProgress | null> {
    const caller = requireAccount(ctx, { session: true });
    if (!isUuid(id)) throw new HarbourError(ErrorCode.BAD_USER_INPUT, '"id" must be a Harbour id (a UUID)', { argument: 'id' });
    const [row]: { id: string; phase: string; processed_rows: number; total_rows: number }[] = await ctx.db.query(
      `SELECT id, phase, processed_rows, total_rows FROM directory.staff_import WHERE id = $1 AND account_id = $2`,
      [id, caller.accountId],
    );
    return row ? { id: row.id, phase: row.phase, processed: row.processed_rows, total: row.total_rows } : null;
  }
}
