// Where to go after sign-in. The value is parsed the way a browser parses a Location header (WHATWG
// URL: tabs and newlines dropped, backslashes read as slashes, dot segments resolved) against a
// placeholder origin, and only a path on that same origin is accepted. Anything else goes home.
const PLACEHOLDER_ORIGIN = "http://ideation-lab.invalid";

/** A same-origin path (with query and fragment), or "/" for anything that could leave the site. */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (typeof raw !== "string" || !raw.startsWith("/")) return "/";
  // Control characters and backslashes have no business in a link the app itself builds.
  if ([...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || ch === "\\")) return "/";
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to "//evil.example": still a protocol-relative link once sent.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
