// POST /studies/:studyId/literature/papers/:paperId/pdf — an organizer uploads the paper's PDF
// (multipart/form-data, field "pdf"); its text is extracted (unpdf) and stored, and the paper's next
// reading uses the full text instead of the abstract.
import { getVisiblePaper } from "@/db/queries/literature/neighbours";
import { savePaperText } from "@/db/queries/literature/readings";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation";
import { guardedUpload } from "@/server/auth/guarded-upload";
import { readUploadedBytes } from "@/server/http/read-upload";
import { extractPdfText, MAX_PDF_BYTES } from "@/server/literature/pdf-text";

const upload = (paperId: string) =>
  guardedUpload({ study: { roles: ["organizer"] } }, async ({ study, user }, req) => {
    const paper = uuidSchema.safeParse(paperId).success
      ? getVisiblePaper({ paperId, studyId: study.id })
      : undefined;
    if (!paper) throw new AppError("not_found:paper", "This paper is not in the study's literature.");
    const { fileName, bytes } = await readUploadedBytes(req, {
      maxBytes: MAX_PDF_BYTES,
      label: "PDF",
      field: "pdf",
      tooLargeHint: "upload the paper without its supplementary material",
    });
    const { text, pages } = await extractPdfText({ bytes, fileName });
    savePaperText({ paperId: paper.id, text, pages, fileName, bytes: bytes.byteLength, uploadedBy: user.id });
    return { fileName, pages, chars: text.length };
  });

export async function POST(
  req: Request,
  ctx: RouteContext<"/studies/[studyId]/literature/papers/[paperId]/pdf">,
) {
  const { paperId } = await ctx.params;
  return upload(paperId)(req, ctx);
}
