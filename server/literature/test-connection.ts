import "server-only";
import { isAppError } from "@/lib/errors";
import type { RemoteSource } from "@/lib/literature/types";
import { getConnectors } from "./config";

export type SourceTestResult = { source: RemoteSource; ok: boolean; message: string };

/** One small search against a source (cached like any other request; offline mode says so). */
export async function testSourceConnection(source: RemoteSource): Promise<SourceTestResult> {
  const c = getConnectors();
  const start = Date.now();
  try {
    const r =
      source === "semantic_scholar"
        ? await c.semanticScholar.search("attention is all you need", { limit: 1 })
        : source === "openalex"
          ? await c.openAlex.search("attention is all you need", { perPage: 1 })
          : await c.arxiv.search("ti:attention", { maxResults: 1 });
    const how = r.cached ? "answered from the response cache" : `answered in ${Date.now() - start} ms`;
    return { source, ok: true, message: `OK: ${how}, first result “${r.papers[0]?.title ?? "none"}”.` };
  } catch (e) {
    return { source, ok: false, message: isAppError(e) ? e.message : String(e) };
  }
}
