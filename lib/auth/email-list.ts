import { emailSchema } from "@/lib/validation";

// A pasted list of email addresses for bulk invitations: one per line or several per line separated
// by commas or semicolons; "Name <address>" is read as the address. Every bad entry is reported
// with its line, so the list is fixed in one pass; repeats are dropped (first one kept).

export const MAX_BULK_INVITATIONS = 200;

export type EmailListIssue = { line: number; message: string };
export type EmailListResult =
  | { ok: true; emails: string[]; repeated: number }
  | { ok: false; issues: EmailListIssue[] };

const ANGLE = /<([^<>]*)>\s*$/;

export function parseEmailList(text: string): EmailListResult {
  const issues: EmailListIssue[] = [];
  const emails: string[] = [];
  const seen = new Set<string>();
  let repeated = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    for (const part of raw.split(/[,;]/)) {
      const entry = part.trim();
      if (entry === "") continue;
      const address = ANGLE.exec(entry)?.[1] ?? entry;
      const parsed = emailSchema.safeParse(address);
      if (!parsed.success) {
        issues.push({ line, message: `"${entry}" is not a valid email address` });
        continue;
      }
      if (seen.has(parsed.data)) repeated += 1;
      else {
        seen.add(parsed.data);
        emails.push(parsed.data);
      }
    }
  });
  if (issues.length === 0 && emails.length === 0)
    issues.push({ line: 1, message: "paste at least one email address" });
  if (emails.length > MAX_BULK_INVITATIONS)
    issues.push({
      line: 1,
      message: `${emails.length} addresses; invite at most ${MAX_BULK_INVITATIONS} at once`,
    });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, emails, repeated };
}

/** "line 2: …; line 5: …", the form's message for a refused list. */
export function formatEmailListIssues(issues: EmailListIssue[]): string {
  return issues.map((i) => `line ${i.line}: ${i.message}`).join("; ");
}
