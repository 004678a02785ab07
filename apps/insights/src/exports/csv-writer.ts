import { stringify, type Stringifier } from 'csv-stringify';

/**
 * The one CSV writer every export uses. Text that a spreadsheet would run as a formula (a cell
 * beginning `=`, `+`, `-`, `@`, tab or carriage return, and their full-width forms) is written
 * with a leading `'`, OWASP's rule against CSV injection: a role name, cohort or comment is
 * shown as the words it is. Numbers, negative ones included, stay numbers.
 */
export function csvWriter(columns: string[]): Stringifier {
  return stringify({ header: true, columns, escape_formulas: true });
}
