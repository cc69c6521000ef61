// Default prices so costs show up before an admin edits anything; rows in model_prices override
// or extend them. Local models have no price on purpose: their cost is shown as unknown, not as 0.

export type ModelPriceUsd = {
  /** USD per million input tokens. */
  inputPerMTokUsd: number;
  /** USD per million output tokens. */
  outputPerMTokUsd: number;
};

/** List prices (USD per million tokens) as published by the vendors; check them now and then. */
export const DEFAULT_MODEL_PRICES: Readonly<Record<string, ModelPriceUsd>> = {
  "gpt-4o": { inputPerMTokUsd: 2.5, outputPerMTokUsd: 10 },
  "gpt-4o-mini": { inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6 },
  "gpt-4.1": { inputPerMTokUsd: 2, outputPerMTokUsd: 8 },
  "gpt-4.1-mini": { inputPerMTokUsd: 0.4, outputPerMTokUsd: 1.6 },
  "claude-sonnet-4-5": { inputPerMTokUsd: 3, outputPerMTokUsd: 15 },
  "claude-haiku-4-5": { inputPerMTokUsd: 1, outputPerMTokUsd: 5 },
  "claude-opus-4-1": { inputPerMTokUsd: 15, outputPerMTokUsd: 75 },
  mock: { inputPerMTokUsd: 0, outputPerMTokUsd: 0 },
};

/**
 * Finds the price for a model id in a table: the exact id, else the longest key the id extends
 * with a dash, so dated snapshots ("claude-sonnet-4-5-20250929") use their family's price.
 */
export function findModelPrice<T>({
  model,
  table,
}: {
  model: string;
  table: Readonly<Record<string, T>>;
}): { key: string; price: T } | undefined {
  let best: { key: string; price: T } | undefined;
  for (const [key, price] of Object.entries(table)) {
    if (key === model) return { key, price };
    if (model.startsWith(`${key}-`) && (best === undefined || key.length > best.key.length))
      best = { key, price };
  }
  return best;
}

/** Cost of one call in USD, or null when the model has no price (shown as "unknown"). */
export function estimateCostUsd({
  price,
  inputTokens,
  outputTokens,
}: {
  price: ModelPriceUsd | null | undefined;
  inputTokens: number;
  outputTokens: number;
}): number | null {
  if (!price) return null;
  return (inputTokens * price.inputPerMTokUsd + outputTokens * price.outputPerMTokUsd) / 1_000_000;
}
