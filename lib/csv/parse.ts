// RFC 4180 CSV reading that keeps track of physical line numbers, so that an import can say
// "line 7: …" about the line a person sees in their editor, even when quoted fields span lines.

import { restoreFormula } from "./formula";

export type CsvRecord = {
  /** 1-based physical line on which the record starts. */
  line: number;
  values: string[];
};

export type CsvIssue = { line: number; message: string };

export type CsvRecordsResult = {
  records: CsvRecord[];
  /** Records that could not be read (text after a closing quote, an unterminated quote). */
  issues: CsvIssue[];
};

export type CsvTable = {
  header: string[];
  headerLine: number;
  /** Only rows with as many values as the header; the others are reported in `issues`. */
  rows: CsvRecord[];
  issues: CsvIssue[];
};

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records. Accepts CRLF, LF or a lone CR between records; a leading BOM is
 * dropped; a final line break does not start an empty record. Physically empty lines are skipped
 * rather than read as one-empty-field records, since in practice they are stray blank lines (the
 * writer quotes a lone empty value so such a record survives a round trip). An unterminated quote
 * swallows the rest of the file, so it ends reading with an issue naming the line it opened on.
 * A value the writer protected against formula injection ("'=…") comes back as written ("=…").
 */
export function parseCsvRecords(input: string): CsvRecordsResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    // A blank physical line between records.
    const first = text.charCodeAt(i);
    if (first === LF || first === CR) {
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      continue;
    }

    const values: string[] = [];
    let recordError: string | null = null;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = "";
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        i += 1;
        let closed = false;
        let start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            value += text.slice(start, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += '"';
              i += 2;
              start = i;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === LF) line += 1;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line += 1;
          i += 1;
        }
        if (!closed) {
          issues.push({
            line: quoteLine,
            message: `unterminated quoted field: the quote opened on line ${quoteLine} is never closed`,
          });
          return { records, issues };
        }
        // RFC 4180 allows nothing between a closing quote and the delimiter; keeping the stray text
        // would silently change the value, so the record is refused instead.
        const start2 = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i += 1;
        }
        if (i > start2 && recordError === null) {
          recordError = `unexpected text ${JSON.stringify(text.slice(start2, Math.min(i, start2 + 20)))} after a closing quote (a quote inside a quoted field must be doubled: "")`;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i += 1;
        }
        value = text.slice(start, i);
      }
      values.push(restoreFormula(value));

      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === COMMA) {
          i += 1;
        } else {
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line += 1;
          endOfRecord = true;
        }
      }
    }
    if (recordError === null) records.push({ line: recordLine, values });
    else issues.push({ line: recordLine, message: recordError });
  }
  return { records, issues };
}

/**
 * Reads CSV text whose first record is a header. Every row whose column count differs from the
 * header's is reported (not just the first), so a person can fix a file in one pass.
 */
export function parseCsv(input: string): CsvTable {
  const { records, issues } = parseCsvRecords(input);
  const [headerRecord, ...rest] = records;
  if (headerRecord === undefined) {
    const allIssues = issues.length > 0 ? issues : [{ line: 1, message: "the file has no header row" }];
    return { header: [], headerLine: 1, rows: [], issues: allIssues };
  }
  // A header that could not be read would make the next record pose as the header.
  if (issues.some((issue) => issue.line < headerRecord.line)) {
    return { header: [], headerLine: 1, rows: [], issues };
  }
  const header = headerRecord.values;
  const rows: CsvRecord[] = [];
  const all = [...issues];
  for (const record of rest) {
    if (record.values.length === header.length) rows.push(record);
    else {
      all.push({
        line: record.line,
        message: `has ${record.values.length} ${record.values.length === 1 ? "column" : "columns"}; the header has ${header.length}`,
      });
    }
  }
  all.sort((x, y) => x.line - y.line);
  return { header, headerLine: headerRecord.line, rows, issues: all };
}
