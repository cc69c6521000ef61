// CSV formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage
// return before one) as a formula, so text someone typed into a title or rationale could run in the
// organizer's Excel. The writer prefixes such text with an apostrophe (OWASP's advice; spreadsheets
// show the text as typed), and text that already starts with an apostrophe gets a second one, so
// the reader can take exactly one off and read the app's own exports back unchanged. Plain numbers
// like -1.5 are left alone: they are not formulas and the stats files are full of them.

const TRIGGER = /^[=+\-@\t\r']/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const needsPrefix = (text: string) => TRIGGER.test(text) && !PLAIN_NUMBER.test(text);

/** The text as the writer puts it in a cell. */
export function neutralizeFormula(text: string): string {
  return needsPrefix(text) ? `'${text}` : text;
}

/** The inverse of neutralizeFormula, for every cell the CSV reader returns. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && needsPrefix(text.slice(1)) ? text.slice(1) : text;
}
