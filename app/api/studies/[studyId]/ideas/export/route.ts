import { z } from "zod";
import { listIdeasForExport } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { AppError } from "@/lib/errors";
import { formatUtcDate } from "@/lib/format";
import { ideasToCsv, ideasToJsonl, ideasToMarkdownZip } from "@/lib/ideas/export";
import { guardedRoute } from "@/server/auth/guarded-handlers";

// GET /api/studies/:studyId/ideas/export?format=jsonl|csv|zip — every idea with fields, condition,
// provenance and normalized text (organizers only; this file identifies authors).
export const GET = guardedRoute(
  {
    study: { roles: ["organizer"] },
    schema: z.object({
      format: z.enum(["jsonl", "csv", "zip"], { error: "format must be jsonl, csv or zip." }),
    }),
  },
  ({ study, input }) => {
    if (!study) throw new AppError("not_found:study");
    const { template } = getStudySettings({ studyId: study.id });
    const ideas = listIdeasForExport({ studyId: study.id });
    const stamp = formatUtcDate(Date.now());
    const base = `ideas-${study.id.slice(0, 8)}-${stamp}`;
    const headers = (type: string, ext: string) => ({
      "content-type": type,
      "content-disposition": `attachment; filename="${base}.${ext}"`,
      "cache-control": "no-store",
    });
    if (input.format === "jsonl") {
      return new Response(ideasToJsonl({ ideas, template }), {
        headers: headers("application/x-ndjson; charset=utf-8", "jsonl"),
      });
    }
    if (input.format === "csv") {
      // A BOM so spreadsheet programs read UTF-8 correctly.
      return new Response(`\uFEFF${ideasToCsv({ ideas, template })}`, {
        headers: headers("text/csv; charset=utf-8", "csv"),
      });
    }
    const zip = ideasToMarkdownZip({ ideas, template });
    return new Response(Buffer.from(zip), { headers: headers("application/zip", "zip") });
  },
);
