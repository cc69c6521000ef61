// Cross-site request forgery check for cookie-authenticated route handlers, the same rule Next
// applies to server actions: a state-changing request made by a browser must come from a page of
// this host. Browsers always send Origin (or at least Sec-Fetch-Site) on such requests; a client
// without either is not a browser and cannot ride on someone's cookie.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why the request must be refused, or null when it may proceed. */
export function crossOriginProblem({ method, headers }: { method: string; headers: Headers }): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  const origin = headers.get("origin");
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none"
      ? null
      : `Requests from other sites are refused (Sec-Fetch-Site: ${site}).`;
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "Requests from other sites are refused (the Origin header is not a URL).";
  }
  if (!host || originHost !== host) {
    return `Requests from other sites are refused (Origin ${origin} is not this site).`;
  }
  return null;
}
