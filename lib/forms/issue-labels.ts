// Validation issues as people read them: "Topic 1: enter a topic name.", never "0.name: …".
//
// A form gives labels for its paths as patterns: segments joined by ".", "*" for any list index, and
// "{1}", "{2}" in the label for the first and second index counted from 1 ({ "*.name": "Topic {1}" }).
// A path without an exact pattern uses its longest labelled prefix and names the rest; a path with
// no label at all is still written in words ("reviewsMax" → "Reviews max", an index → "item 3").

export type PathLabels = Readonly<Record<string, string>>;
export type IssueLike = { readonly path: readonly PropertyKey[]; readonly message: string };

/** The path of a form field key as the server writes it ("items.0.name" → ["items", 0, "name"]). */
export const keyToPath = (key: string): (string | number)[] =>
  key === "_form" || key === "" ? [] : key.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** "consentText" → "consent text", "reviews_max" → "reviews max". */
export function humanizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
}

const capitalize = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

/** Lower-cases a message's first letter unless it starts an acronym or a name in quotes. */
const continueSentence = (message: string) =>
  /^[A-Z][a-z]/.test(message) ? (message[0]?.toLowerCase() ?? "") + message.slice(1) : message;

const isIndex = (seg: PropertyKey): seg is number => typeof seg === "number";

function fill(label: string, indices: number[]): string {
  return label.replace(/\{(\d)\}/g, (m, n: string) => {
    const i = indices[Number(n) - 1];
    return i === undefined ? m : String(i + 1);
  });
}

function words(segments: readonly PropertyKey[]): string {
  return segments
    .map((s) => (isIndex(s) ? `item ${s + 1}` : humanizeKey(String(s))))
    .filter(Boolean)
    .join(", ");
}

/** The label for a path, or null for the form as a whole (an empty path). */
export function labelForPath(path: readonly PropertyKey[], labels: PathLabels = {}): string | null {
  if (path.length === 0) return null;
  const pattern = path.map((s) => (isIndex(s) ? "*" : String(s)));
  for (let n = path.length; n > 0; n--) {
    const label = labels[pattern.slice(0, n).join(".")];
    if (label === undefined) continue;
    const indices = path.slice(0, n).filter(isIndex);
    const rest = words(path.slice(n));
    const head = fill(label, indices);
    return rest ? `${head}, ${rest}` : head;
  }
  return capitalize(words(path));
}

/** "Label: message" for one issue; a form-level issue is its message alone. */
export function describeIssue(issue: IssueLike, labels?: PathLabels): string {
  const label = labelForPath(issue.path, labels);
  return label ? `${label}: ${continueSentence(issue.message)}` : issue.message;
}

/** Every issue, labelled, in order, without repeats. */
export function describeIssues(issues: readonly IssueLike[], labels?: PathLabels): string[] {
  return [...new Set(issues.map((i) => describeIssue(i, labels)))];
}

/** One message naming every problem, for a form's summary line. */
export function issuesSentence(issues: readonly IssueLike[], labels?: PathLabels): string {
  return describeIssues(issues, labels)
    .map((s) => (/[.!?)]$/.test(s) ? s : `${s}.`))
    .join(" ");
}
