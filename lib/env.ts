import { z } from "zod";

// The only place that reads process.env: everything else imports `env`.
// Parsed lazily so `next build` does not require runtime-only variables.

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const intWithDefault = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be an integer from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const boolWithDefault = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const s = v.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(s)) return true;
      if (["0", "false", "no", "off"].includes(s)) return false;
      ctx.addIssue({ code: "custom", message: "must be true or false" });
      return z.NEVER;
    });

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

/** Reverse proxies in front of the app: off/false/0 (default), on/true (= 1), or a count of hops. */
const proxyHops = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = v?.trim().toLowerCase() ?? "";
    if (["", "0", "off", "false", "no"].includes(s)) return 0;
    if (["on", "true", "yes"].includes(s)) return 1;
    const n = Number(s);
    if (Number.isInteger(n) && n >= 1 && n <= 10) return n;
    ctx.addIssue({ code: "custom", message: "must be off, on, or the number of proxies (1 to 10)" });
    return z.NEVER;
  });

export const LLM_PROVIDERS = ["none", "openai", "anthropic", "openai-compatible", "mock"] as const;
export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: optionalString.transform((v) => v ?? "./data/ideation-lab.db"),
  AUTH_SECRET: optionalString,
  APP_URL: optionalString.pipe(httpUrl.optional()),
  LLM_PROVIDER: optionalString.pipe(z.enum(LLM_PROVIDERS).optional()).transform((v) => v ?? "none"),
  LLM_MODEL: optionalString,
  LLM_BASE_URL: optionalString.pipe(httpUrl.optional()),
  LLM_API_KEY: optionalString,
  OPENAI_API_KEY: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  LLM_TIMEOUT_MS: intWithDefault(60_000, 1_000, 3_600_000),
  LLM_MAX_RETRIES: intWithDefault(3, 0, 10),
  LLM_CACHE: boolWithDefault(true),
  JOB_CONCURRENCY: intWithDefault(2, 1, 32),
  SMTP_URL: optionalString.pipe(
    z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  ),
  SMTP_FROM: optionalString.transform((v) => v ?? "Ideation Lab <no-reply@localhost>"),
  INVITE_TTL_DAYS: intWithDefault(7, 1, 90),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: intWithDefault(5, 1, 1000),
  LOGIN_MAX_FAILURES_PER_IP: intWithDefault(20, 1, 10000),
  LOGIN_LOCK_MINUTES: intWithDefault(15, 1, 1440),
  LLM_EMBEDDING_MODEL: optionalString,
  LITERATURE_S2_BASE_URL: optionalString
    .pipe(httpUrl.optional())
    .transform((v) => v ?? "https://api.semanticscholar.org/graph/v1"),
  LITERATURE_OPENALEX_BASE_URL: optionalString
    .pipe(httpUrl.optional())
    .transform((v) => v ?? "https://api.openalex.org"),
  LITERATURE_ARXIV_BASE_URL: optionalString
    .pipe(httpUrl.optional())
    .transform((v) => v ?? "http://export.arxiv.org/api"),
  SEMANTIC_SCHOLAR_API_KEY: optionalString,
  OPENALEX_API_KEY: optionalString,
  OPENALEX_EMAIL: optionalString,
  LITERATURE_OFFLINE: boolWithDefault(false),
  LITERATURE_HTTP_TIMEOUT_MS: intWithDefault(20_000, 500, 300_000),
  LITERATURE_MAX_RETRIES: intWithDefault(3, 0, 8),
  LITERATURE_S2_MIN_INTERVAL_MS: intWithDefault(1_000, 0, 600_000),
  LITERATURE_OPENALEX_MIN_INTERVAL_MS: intWithDefault(100, 0, 600_000),
  LITERATURE_ARXIV_MIN_INTERVAL_MS: intWithDefault(3_000, 0, 600_000),
  TRUSTED_PROXY: proxyHops,
  PORT: intWithDefault(3000, 1, 65_535),
  /** Server processes sharing PORT (scripts/serve.ts); 1 serves from the process itself. */
  WEB_CONCURRENCY: intWithDefault(1, 1, 16),
  /** Whether this server process runs background jobs; the cluster primary sets it per worker. */
  JOB_RUNNER: boolWithDefault(true),
  /** gzip responses in Node; turn off when a reverse proxy in front compresses (read by next.config). */
  HTTP_COMPRESS: boolWithDefault(true),
  /**
   * Keep each reviewer's rendered review page and answer a reload from it while nothing in the
   * database changed (server/http/page-cache.ts); false renders every request.
   */
  PAGE_CACHE: boolWithDefault(true),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment record; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n  ${lines.join("\n  ")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change variables between cases; production never calls this. */
export function resetEnvForTests() {
  cached = undefined;
}
