import { checkHealth } from "@/server/health";

// GET /api/health — 200 when the app can serve (database writable, migrations current, job runner
// alive), 503 otherwise; the JSON says which part failed. No session needed, nothing identifying.
export const dynamic = "force-dynamic";

export function GET() {
  const health = checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
