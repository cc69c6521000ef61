// CSV writing for exports: RFC 4180 with CRLF record ends, which Excel, pandas and R all read.
// Every CSV the app writes goes through toCsv, so text that a spreadsheet would run as a formula is
// neutralized here once (lib/csv/formula.ts); parseCsv undoes it.

import { neutralizeFormula } from "./formula";

export type CsvValue = string | number | boolean | null | undefined;

/** Fields that would change meaning or lose characters unquoted. */
const NEEDS_QUOTES = /[",\r\n]|^[ \t]|[ \t]$/;

/** One field, quoted only when it has to be; null and undefined become empty fields. */
export function formatCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralizeFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatRecord(values: readonly CsvValue[]): string {
  // A record that is one empty field would be written as an empty line, which readers (ours
  // included) skip; quoting it keeps the row.
  if (values.length === 1 && formatCsvField(values[0]) === "") return '""';
  return values.map(formatCsvField).join(",");
}

/**
 * A header line and one line per row, each ended by CRLF. Plain UTF-8 text: a caller that wants
 * Excel to detect the encoding prepends "\uFEFF" itself. Throws on a row whose length differs from
 * the columns', since that is a programming error that would shift every later value.
 */
export function toCsv({
  columns,
  rows,
}: {
  columns: readonly string[];
  rows: ReadonlyArray<readonly CsvValue[]>;
}): string {
  const lines = [formatRecord(columns)];
  rows.forEach((row, index) => {
    if (row.length !== columns.length) {
      throw new Error(`CSV row ${index + 1} has ${row.length} values for ${columns.length} columns.`);
    }
    lines.push(formatRecord(row));
  });
  return `${lines.join("\r\n")}\r\n`;
}
