import { z } from "zod";

// The admin's "Test connection" button. It asks for structured output on purpose: the app's real
// tasks need JSON answers, so a model that can only chat should fail here, not halfway into a job.

export const CONNECTION_CHECK_SYSTEM = "You are a health check. Answer only with the JSON object requested.";

export const CONNECTION_CHECK_PROMPT =
  'Reply with a JSON object {"status": "ok", "message": "<one short sentence saying hello>"}.';

export const connectionCheckOutputSchema = z.object({
  status: z.enum(["ok"]),
  message: z.string().trim().min(1).max(500),
});
export type ConnectionCheckOutput = z.infer<typeof connectionCheckOutputSchema>;
