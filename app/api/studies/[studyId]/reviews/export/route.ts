import { z } from "zod";
import { getTidyReviewExport, tidyExportToJson } from "@/db/queries/review-exchange";
import { toCsv } from "@/lib/csv/write";
import { AppError } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format";
import { guardedRoute } from "@/server/auth/guarded-handlers";

// GET /api/studies/:studyId/reviews/export?format=csv|json[&identities=1] — submitted reviews as the
// tidy table (organizers only). Reviewers are pseudonymized per study unless identities=1.
export const GET = guardedRoute(
  {
    study: { roles: ["organizer"] },
    schema: z.object({
      format: z.enum(["csv", "json"], { error: "format must be csv or json." }),
      identities: z.enum(["1", "0"], { error: "identities must be 1 or 0." }).optional(),
    }),
  },
  ({ study, input }) => {
    if (!study) throw new AppError("not_found:study");
    const table = getTidyReviewExport({ studyId: study.id, identities: input.identities === "1" });
    const stamp = formatUtcDate(Date.now());
    const base = `reviews-${study.id.slice(0, 8)}-${stamp}`;
    const headers = (type: string, ext: string) => ({
      "content-type": type,
      "content-disposition": `attachment; filename="${base}.${ext}"`,
      "cache-control": "no-store",
    });
    if (input.format === "json") {
      return new Response(JSON.stringify(tidyExportToJson(table), null, 2), {
        headers: headers("application/json; charset=utf-8", "json"),
      });
    }
    // A BOM so spreadsheet programs read UTF-8 correctly.
    return new Response(`\uFEFF${toCsv({ columns: table.columns, rows: table.rows })}`, {
      headers: headers("text/csv; charset=utf-8", "csv"),
    });
  },
);
