import type { Page, Response } from "@playwright/test";

/**
 * Collects every text body a page receives (HTML, RSC payloads, server-action and JSON responses),
 * for the blindness crawls; call the returned function to get them once the page is done.
 */
export function recordBodies(page: Page) {
  const pending: Promise<{ url: string; body: string } | null>[] = [];
  page.on("response", (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/html|x-component|json|text\/plain|csv/.test(type)) return;
    pending.push(
      res
        .text()
        .then((body) => ({ url: res.url(), body }))
        .catch(() => null),
    );
  });
  return async () =>
    (await Promise.all(pending)).filter((x): x is { url: string; body: string } => x !== null);
}
