import "server-only";
import { getLiteratureSettings } from "@/db/queries/literature/settings";
import { getEnv } from "@/lib/env";
import { createArxiv } from "./arxiv";
import { createSourceClient } from "./http";
import { createOpenAlex } from "./openalex";
import { createSemanticScholar } from "./semantic-scholar";

// Connector settings: .env values, overridden by what an admin saved on the admin Literature page.

export type LiteratureConfig = {
  offline: boolean;
  s2ApiKey: string | null;
  openalexApiKey: string | null;
  openalexEmail: string | null;
};

export function getLiteratureConfig(): LiteratureConfig {
  const env = getEnv();
  const saved = getLiteratureSettings();
  return {
    offline: saved.offline !== undefined ? saved.offline === "true" : env.LITERATURE_OFFLINE,
    s2ApiKey: saved.s2ApiKey ?? env.SEMANTIC_SCHOLAR_API_KEY ?? null,
    openalexApiKey: saved.openalexApiKey ?? env.OPENALEX_API_KEY ?? null,
    openalexEmail: saved.openalexEmail ?? env.OPENALEX_EMAIL ?? null,
  };
}

export function getConnectors(config: LiteratureConfig = getLiteratureConfig()) {
  const env = getEnv();
  const common = {
    timeoutMs: env.LITERATURE_HTTP_TIMEOUT_MS,
    maxRetries: env.LITERATURE_MAX_RETRIES,
    offline: config.offline,
  };
  return {
    semanticScholar: createSemanticScholar(
      createSourceClient({
        ...common,
        source: "semantic_scholar",
        label: "Semantic Scholar",
        baseUrl: env.LITERATURE_S2_BASE_URL,
        minIntervalMs: env.LITERATURE_S2_MIN_INTERVAL_MS,
        headers: config.s2ApiKey ? { "x-api-key": config.s2ApiKey } : undefined,
      }),
    ),
    openAlex: createOpenAlex(
      createSourceClient({
        ...common,
        source: "openalex",
        label: "OpenAlex",
        baseUrl: env.LITERATURE_OPENALEX_BASE_URL,
        minIntervalMs: env.LITERATURE_OPENALEX_MIN_INTERVAL_MS,
        params: config.openalexEmail ? { mailto: config.openalexEmail } : undefined,
        secretParams: config.openalexApiKey ? { api_key: config.openalexApiKey } : undefined,
      }),
    ),
    arxiv: createArxiv(
      createSourceClient({
        ...common,
        source: "arxiv",
        label: "arXiv",
        baseUrl: env.LITERATURE_ARXIV_BASE_URL,
        minIntervalMs: env.LITERATURE_ARXIV_MIN_INTERVAL_MS,
      }),
    ),
  };
}

export type Connectors = ReturnType<typeof getConnectors>;
