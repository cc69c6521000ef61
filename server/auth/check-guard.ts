import "server-only";
import type { z } from "zod";
import type { AccessStudy } from "@/db/queries/study-access";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, type FieldErrors } from "@/lib/errors";
import { issuesSentence } from "@/lib/forms/issue-labels";
import { studyArchivedError } from "@/lib/studies/lifecycle";
import type { StudyRole } from "@/lib/studies/types";
import { uuidSchema } from "@/lib/validation";
import { consentRequired } from "./consent";
import { readStudyAccess } from "./study-access";

/** The study (from the route or the input's `studyId`) and the roles that may act; "member" = any role. */
export type StudyGuard = {
  roles: readonly StudyRole[] | "member";
  /** The caller must have accepted the study's consent text (organizers and admins are exempt). */
  consent?: boolean;
  /** Writes are allowed while the study is archived (only unarchiving and deleting need this). */
  allowArchived?: boolean;
};

/**
 * What a handler needs. `St` is the `study` option as written: when a spec names a study, the
 * handler's `ctx.study` is typed non-null; without one it is `null`.
 */
export type GuardSpec<
  S extends z.ZodType | undefined = undefined,
  St extends StudyGuard | undefined = undefined,
> = {
  /** Instance admins only. */
  admin?: boolean;
  /** Admins and people allowed to create studies. */
  studyCreator?: boolean;
  study?: St;
  schema?: S;
};

export type GuardStudy = AccessStudy;

export type GuardContext<S extends z.ZodType | undefined, St extends StudyGuard | undefined = undefined> = {
  user: SessionUser;
  study: St extends StudyGuard ? GuardStudy : null;
  /** The caller's roles in the study (admins count as organizers). */
  roles: StudyRole[];
  input: S extends z.ZodType ? z.output<S> : undefined;
  /** The unparsed input, for handlers that delegate validation to a domain function. */
  raw: unknown;
};

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** Parses input with a zod schema; failures become invalid:input with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = zodFieldErrors(result.error);
  throw new AppError("invalid:input", `Please correct: ${issuesSentence(result.error.issues)}`, {
    fieldErrors,
  });
}

/**
 * The one authorization check: session → 401, missing or foreign study → 404, wrong role → 403,
 * consent not yet given → 403, a write to an archived study → 409, bad input → 400. Authorization runs before validation so strangers
 * learn nothing from error messages.
 */
export function checkGuard<S extends z.ZodType | undefined, St extends StudyGuard | undefined = undefined>({
  spec,
  user,
  studyId,
  input,
  write = false,
}: {
  spec: GuardSpec<S, St>;
  user: SessionUser | null;
  studyId?: unknown;
  input?: unknown;
  /** A server action or a POST: refused while the study is archived (it is read-only). */
  write?: boolean;
}): GuardContext<S, St> {
  if (!user) throw new AppError("unauthorized:session");
  if (spec.admin && !user.isAdmin) throw new AppError("forbidden:admin", "Only instance admins can do this.");
  if (spec.studyCreator && !user.canCreateStudies && !user.isAdmin) {
    throw new AppError(
      "forbidden:study_creation",
      "Your account is not allowed to create studies. Ask an admin.",
    );
  }
  let study: GuardStudy | null = null;
  let roles: StudyRole[] = [];
  if (spec.study) {
    const id = uuidSchema.safeParse(studyId);
    // The study, the caller's roles and consent in one read (shared by a page render's guards).
    const access = id.success ? readStudyAccess(id.data, user.id) : undefined;
    if (!access)
      throw new AppError("not_found:study", "This study does not exist, or you are not a member of it.");
    roles = [...access.roles];
    if (user.isAdmin && !roles.includes("organizer")) roles = ["organizer", ...roles];
    if (roles.length === 0) {
      throw new AppError("not_found:study", "This study does not exist, or you are not a member of it.");
    }
    const allowed = spec.study.roles;
    if (allowed !== "member" && !allowed.some((r) => roles.includes(r))) {
      throw new AppError(
        "forbidden:study_role",
        `This needs the ${allowed.join(" or ")} role in this study.`,
      );
    }
    if (spec.study.consent && consentRequired(roles, access.consentPending)) {
      throw new AppError("forbidden:consent", "Please read and accept the study's consent text first.");
    }
    if (write && access.study.archivedAt !== null && !spec.study.allowArchived) throw studyArchivedError();
    study = { ...access.study };
  }
  const parsed = spec.schema ? parseInput(spec.schema, input) : undefined;
  return {
    user,
    study: study as GuardContext<S, St>["study"],
    roles,
    input: parsed as GuardContext<S, St>["input"],
    raw: input,
  };
}
