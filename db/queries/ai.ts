import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_MODEL_PRICES, findModelPrice, type ModelPriceUsd } from "@/lib/ai/prices";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { type LlmCall, llmCache, llmCalls, modelPrices } from "../schema";

// --- call log ---------------------------------------------------------------------------------

export type NewLlmCall = {
  purpose: string;
  studyId?: string | null;
  jobId?: string | null;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  costUsd: number | null;
  cached: boolean;
  attempts: number;
  error?: string | null;
};

/** Logs one generate() call; returns the row id. */
export function insertLlmCall(input: NewLlmCall): { id: string } {
  return withDbErrors(() =>
    getDb()
      .insert(llmCalls)
      .values({
        ...input,
        studyId: input.studyId ?? null,
        jobId: input.jobId ?? null,
        inputTokens: Math.max(0, Math.round(input.inputTokens)),
        outputTokens: Math.max(0, Math.round(input.outputTokens)),
        latencyMs: Math.max(0, Math.round(input.latencyMs)),
        error: input.error ?? null,
      })
      .returning({ id: llmCalls.id })
      .get(),
  );
}

export type LlmCallTotals = {
  calls: number;
  cachedCalls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum over priced calls only; see unpricedCalls. */
  costUsd: number;
  /** Calls whose model had no price, so costUsd understates the spend. */
  unpricedCalls: number;
};

const totalsColumns = {
  calls: count(),
  cachedCalls: sql<number>`coalesce(sum(case when ${llmCalls.cached} then 1 else 0 end), 0)`,
  errors: sql<number>`coalesce(sum(case when ${llmCalls.error} is not null then 1 else 0 end), 0)`,
  inputTokens: sql<number>`coalesce(sum(${llmCalls.inputTokens}), 0)`,
  outputTokens: sql<number>`coalesce(sum(${llmCalls.outputTokens}), 0)`,
  costUsd: sql<number>`coalesce(sum(${llmCalls.costUsd}), 0)`,
  unpricedCalls: sql<number>`coalesce(sum(case when ${llmCalls.costUsd} is null then 1 else 0 end), 0)`,
};

function toTotals(row: Partial<LlmCallTotals> | undefined): LlmCallTotals {
  return {
    calls: Number(row?.calls ?? 0),
    cachedCalls: Number(row?.cachedCalls ?? 0),
    errors: Number(row?.errors ?? 0),
    inputTokens: Number(row?.inputTokens ?? 0),
    outputTokens: Number(row?.outputTokens ?? 0),
    costUsd: Number(row?.costUsd ?? 0),
    unpricedCalls: Number(row?.unpricedCalls ?? 0),
  };
}

function callFilter({ studyId, since }: { studyId?: string; since?: number }): SQL | undefined {
  return and(
    studyId === undefined ? undefined : eq(llmCalls.studyId, studyId),
    since === undefined ? undefined : gte(llmCalls.createdAt, since),
  );
}

/** Usage and spend, overall and per (purpose, model), optionally for one study and/or since a time. */
export function getLlmCallTotals({ studyId, since }: { studyId?: string; since?: number } = {}): {
  overall: LlmCallTotals;
  byPurposeModel: Array<LlmCallTotals & { purpose: string; model: string }>;
} {
  const where = callFilter({ studyId, since });
  return withDbErrors(() => {
    const db = getDb();
    const overall = db.select(totalsColumns).from(llmCalls).where(where).get();
    const groups = db
      .select({ purpose: llmCalls.purpose, model: llmCalls.model, ...totalsColumns })
      .from(llmCalls)
      .where(where)
      .groupBy(llmCalls.purpose, llmCalls.model)
      .orderBy(asc(llmCalls.purpose), asc(llmCalls.model))
      .all();
    return {
      overall: toTotals(overall),
      byPurposeModel: groups.map((g) => ({ purpose: g.purpose, model: g.model, ...toTotals(g) })),
    };
  });
}

export type LlmCallSummary = Pick<
  LlmCall,
  | "id"
  | "purpose"
  | "studyId"
  | "jobId"
  | "provider"
  | "model"
  | "inputTokens"
  | "outputTokens"
  | "latencyMs"
  | "costUsd"
  | "cached"
  | "attempts"
  | "error"
  | "createdAt"
>;

/** Newest calls first, for the admin's LLM status page. */
export function getRecentLlmCalls({
  limit,
  studyId,
  errorsOnly = false,
}: {
  limit: number;
  studyId?: string;
  errorsOnly?: boolean;
}): LlmCallSummary[] {
  const n = Math.min(Math.max(1, Math.floor(limit)), 1000);
  return withDbErrors(() =>
    getDb()
      .select({
        id: llmCalls.id,
        purpose: llmCalls.purpose,
        studyId: llmCalls.studyId,
        jobId: llmCalls.jobId,
        provider: llmCalls.provider,
        model: llmCalls.model,
        inputTokens: llmCalls.inputTokens,
        outputTokens: llmCalls.outputTokens,
        latencyMs: llmCalls.latencyMs,
        costUsd: llmCalls.costUsd,
        cached: llmCalls.cached,
        attempts: llmCalls.attempts,
        error: llmCalls.error,
        createdAt: llmCalls.createdAt,
      })
      .from(llmCalls)
      .where(
        and(
          studyId === undefined ? undefined : eq(llmCalls.studyId, studyId),
          errorsOnly ? isNotNull(llmCalls.error) : undefined,
        ),
      )
      // rowid breaks ties between calls logged in the same millisecond.
      .orderBy(desc(llmCalls.createdAt), desc(sql`rowid`))
      .limit(n)
      .all(),
  );
}

// --- response cache ---------------------------------------------------------------------------

export type CachedResponse = { response: unknown; inputTokens: number; outputTokens: number };

export function getCachedResponse({ key }: { key: string }): CachedResponse | undefined {
  return withDbErrors(() =>
    getDb()
      .select({
        response: llmCache.response,
        inputTokens: llmCache.inputTokens,
        outputTokens: llmCache.outputTokens,
      })
      .from(llmCache)
      .where(eq(llmCache.key, key))
      .get(),
  );
}

/** Stores (or replaces) a response; replacing keeps the newest answer for the same input. */
export function putCachedResponse({
  key,
  model,
  response,
  inputTokens,
  outputTokens,
}: {
  key: string;
  model: string;
  response: unknown;
  inputTokens: number;
  outputTokens: number;
}): void {
  withDbErrors(() => {
    const values = { model, response, inputTokens, outputTokens, createdAt: Date.now() };
    getDb()
      .insert(llmCache)
      .values({ key, ...values })
      .onConflictDoUpdate({ target: llmCache.key, set: values })
      .run();
  });
}

// --- prices -----------------------------------------------------------------------------------

export type ModelPriceEntry = ModelPriceUsd & {
  model: string;
  /** "custom" rows live in model_prices; "default" ones come from lib/ai/prices.ts. */
  source: "default" | "custom";
  updatedAt: number | null;
};

function readPriceRows() {
  return withDbErrors(() =>
    getDb()
      .select({
        model: modelPrices.model,
        inputPerMTokUsd: modelPrices.inputPerMTokUsd,
        outputPerMTokUsd: modelPrices.outputPerMTokUsd,
        updatedAt: modelPrices.updatedAt,
      })
      .from(modelPrices)
      .all(),
  );
}

/** Defaults merged with admin rows (a row with the same model id wins), sorted by model id. */
export function listModelPrices(): ModelPriceEntry[] {
  const merged = new Map<string, ModelPriceEntry>();
  for (const [model, price] of Object.entries(DEFAULT_MODEL_PRICES)) {
    merged.set(model, { model, ...price, source: "default", updatedAt: null });
  }
  for (const row of readPriceRows()) merged.set(row.model, { ...row, source: "custom" });
  return [...merged.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** The price used for a model id (exact id, else its family's), or null when none is known. */
export function getModelPrice({ model }: { model: string }): ModelPriceEntry | null {
  const table = Object.fromEntries(listModelPrices().map((p) => [p.model, p]));
  return findModelPrice({ model, table })?.price ?? null;
}

const priceField = (label: string) =>
  z
    // zod 4 numbers already reject NaN and ±Infinity.
    .number({ error: `${label} must be a finite number.` })
    .min(0, `${label} cannot be negative.`)
    .max(100_000, `${label} looks too large (over $100,000 per million tokens).`);

export const modelPriceInputSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1, "Enter a model id.")
    .max(200, "The model id is too long (200 characters at most)."),
  inputPerMTokUsd: priceField("The input price"),
  outputPerMTokUsd: priceField("The output price"),
});
export type ModelPriceInput = z.input<typeof modelPriceInputSchema>;

function invalidPrice(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return new AppError("invalid:model_price", error.issues[0]?.message ?? "The price is not valid.", {
    fieldErrors,
  });
}

/** Sets a custom price (USD per million tokens); validated here so no caller can store NaN or < 0. */
export function upsertModelPrice(input: ModelPriceInput): ModelPriceEntry {
  const parsed = modelPriceInputSchema.safeParse(input);
  if (!parsed.success) throw invalidPrice(parsed.error);
  const { model, inputPerMTokUsd, outputPerMTokUsd } = parsed.data;
  const updatedAt = Date.now();
  return withDbErrors(() => {
    const row = getDb()
      .insert(modelPrices)
      .values({ model, inputPerMTokUsd, outputPerMTokUsd, updatedAt })
      .onConflictDoUpdate({
        target: modelPrices.model,
        set: { inputPerMTokUsd, outputPerMTokUsd, updatedAt },
      })
      .returning()
      .get();
    return { ...row, source: "custom" as const };
  });
}

/** Removes a custom price; a model with a built-in default falls back to it. Returns whether a row went. */
export function deleteModelPrice({ model }: { model: string }): { deleted: boolean } {
  return withDbErrors(() => {
    const res = getDb().delete(modelPrices).where(eq(modelPrices.model, model)).run();
    return { deleted: res.changes > 0 };
  });
}
