/** Only same-site paths, so a crafted link cannot bounce people to another site after sign-in. */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return raw;
}
