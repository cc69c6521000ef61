// A request's Cookie header as name/value pairs, for code that reads cookies outside Next's
// `cookies()` (the fast routes that scripts/serve.ts answers before Next). Values are
// percent-decoded as browsers' document.cookie and Next's parser do; a malformed escape keeps the
// raw value. Pairs without "=" are skipped.

export type CookiePair = { name: string; value: string };

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseCookieHeader(header: string | null | undefined): CookiePair[] {
  if (!header) return [];
  const out: CookiePair[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.push({ name, value: decode(value) });
  }
  return out;
}
