import { z } from "zod";

// Parameters more than one agent takes, with the same bounds and messages everywhere.

/** Model calls an agent runs at once within one (agent, topic) item. */
export const concurrencyParam = z
  .number()
  .int()
  .min(1, "Concurrency must be at least 1")
  .max(16, "Concurrency is at most 16")
  .default(4);
