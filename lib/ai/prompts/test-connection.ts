import { z } from "zod";

// The admin's "Test connection" button. It asks for structured output on purpose: the app's real
// tasks need JSON answers, so a model that can only chat should fail here, not halfway into a job.

export const TEST_CONNECTION_SYSTEM = "You are a health check. Answer only with the JSON object requested.";

export const TEST_CONNECTION_PROMPT =
  'Reply with a JSON object {"status": "ok", "message": "<one short sentence saying hello>"}.';

export const testConnectionOutputSchema = z.object({
  status: z.enum(["ok"]),
  message: z.string().trim().min(1).max(500),
});
export type TestConnectionOutput = z.infer<typeof testConnectionOutputSchema>;
