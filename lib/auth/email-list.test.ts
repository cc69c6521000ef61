import { describe, expect, it } from "vitest";
import { formatEmailListIssues, MAX_BULK_INVITATIONS, parseEmailList } from "./email-list";

describe("parseEmailList", () => {
  it("reads one per line, commas and semicolons, names in angle brackets; drops repeats", () => {
    const text =
      "a@example.org\r\nB@Example.org, c@example.org;\n\n  Dee Doe <d@example.org> \na@example.org";
    expect(parseEmailList(text)).toEqual({
      ok: true,
      emails: ["a@example.org", "b@example.org", "c@example.org", "d@example.org"],
      repeated: 1,
    });
  });

  it("names every bad entry by its line and returns no addresses", () => {
    const result = parseEmailList("ok@example.org\nnot-an-email\nfine@example.org, also bad\n@x");
    expect(result).toEqual({
      ok: false,
      issues: [
        { line: 2, message: '"not-an-email" is not a valid email address' },
        { line: 3, message: '"also bad" is not a valid email address' },
        { line: 4, message: '"@x" is not a valid email address' },
      ],
    });
    if (!result.ok)
      expect(formatEmailListIssues(result.issues)).toBe(
        'line 2: "not-an-email" is not a valid email address; line 3: "also bad" is not a valid email address; line 4: "@x" is not a valid email address',
      );
  });

  it("refuses an empty list and one longer than the limit", () => {
    expect(parseEmailList(" \n , ")).toEqual({
      ok: false,
      issues: [{ line: 1, message: "paste at least one email address" }],
    });
    const many = Array.from({ length: MAX_BULK_INVITATIONS + 1 }, (_, i) => `p${i}@example.org`).join("\n");
    const result = parseEmailList(many);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toBe("201 addresses; invite at most 200 at once");
  });
});
