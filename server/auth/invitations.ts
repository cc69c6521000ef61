import "server-only";
import { z } from "zod";
import { consumeInvitation, getInvitationByTokenHash, insertInvitation } from "@/db/queries/invitations";
import { getStudyById, getStudyRoles } from "@/db/queries/studies";
import { getUserByEmail } from "@/db/queries/users";
import { getInvitationState } from "@/lib/auth/invitations";
import { hashPassword, passwordSchema } from "@/lib/auth/password";
import { INVITABLE_INSTANCE_ROLES } from "@/lib/auth/roles";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { studyArchivedError } from "@/lib/studies/lifecycle";
import { STUDY_ROLES, type StudyRole } from "@/lib/studies/types";
import { emailSchema, nameSchema } from "@/lib/validation";
import { parseInput } from "./check-guard";

export const createInvitationSchema = z
  .object({
    studyId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a study.").nullable().default(null)),
    roles: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string()).min(1, "Choose at least one role."),
    ),
    email: z.preprocess((v) => (v === "" ? undefined : v), emailSchema.optional()),
    note: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().trim().max(200, "Use at most 200 characters.").optional(),
    ),
    ttlDays: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : Number(v)),
      z.number().int("Use whole days.").min(1, "At least 1 day.").max(90, "At most 90 days.").optional(),
    ),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] = v.studyId ? STUDY_ROLES : INVITABLE_INSTANCE_ROLES;
    const bad = v.roles.filter((r) => !allowed.includes(r));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["roles"],
        message: v.studyId
          ? `Study invitations can grant ${STUDY_ROLES.join(", ")}; not ${bad.join(", ")}.`
          : `Instance invitations can grant ${INVITABLE_INSTANCE_ROLES.join(", ")}; not ${bad.join(", ")}.`,
      });
    }
  });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

/** Creates a single-use link. Admins may invite anywhere; study organizers only into their study. */
export function createInvitationLink({
  actor,
  input,
  now = Date.now(),
}: {
  actor: SessionUser;
  input: unknown;
  now?: number;
}) {
  const data = parseInput(createInvitationSchema, input);
  if (data.studyId) {
    const study = getStudyById({ studyId: data.studyId });
    const roles = study ? getStudyRoles({ studyId: study.id, userId: actor.id }) : [];
    if (!study || (!actor.isAdmin && roles.length === 0)) {
      throw new AppError("not_found:study", "This study does not exist, or you are not a member of it.");
    }
    if (!actor.isAdmin && !roles.includes("organizer")) {
      throw new AppError("forbidden:study_role", "Only the study's organizers can invite people to it.");
    }
    if (study.archivedAt !== null) throw studyArchivedError();
  } else if (!actor.isAdmin) {
    throw new AppError("forbidden:admin", "Only instance admins can create instance invitations.");
  }
  const token = generateToken();
  const invitation = insertInvitation({
    tokenHash: hashToken(token),
    studyId: data.studyId,
    roles: [...new Set(data.roles)],
    email: data.email ?? null,
    note: data.note ?? null,
    createdBy: actor.id,
    expiresAt: now + (data.ttlDays ?? getEnv().INVITE_TTL_DAYS) * 24 * 60 * 60 * 1000,
  });
  return { token, path: `/invite/${token}`, invitation };
}

export type InvitationSummary = {
  id: string;
  studyId: string | null;
  studyTitle: string | null;
  roles: string[];
  email: string | null;
  expiresAt: number;
};

const invalidLink = () =>
  new AppError("not_found:invitation", "This invitation link is not valid. Check that you copied all of it.");

/** Looks a token up; throws with a message fit for the person holding the link. */
export function inspectInvitation({
  token,
  now = Date.now(),
}: {
  token: string;
  now?: number;
}): InvitationSummary {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) throw invalidLink();
  const row = getInvitationByTokenHash({ tokenHash: hashToken(token) });
  if (!row) throw invalidLink();
  const inv = row.invitation;
  const state = getInvitationState(inv, now);
  if (state === "used")
    throw new AppError("conflict:invitation_used", "This invitation has already been used.");
  if (state === "revoked")
    throw new AppError("conflict:invitation_revoked", "This invitation was withdrawn.");
  if (state === "expired") {
    throw new AppError("conflict:invitation_expired", "This invitation has expired. Ask for a new one.");
  }
  if (inv.studyId && !row.studyTitle)
    throw new AppError("not_found:study", "The study of this invitation no longer exists.");
  return {
    id: inv.id,
    studyId: inv.studyId,
    studyTitle: row.studyTitle,
    roles: inv.roles,
    email: inv.email,
    expiresAt: inv.expiresAt,
  };
}

export const newAccountSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});

/**
 * Redeems a token for the signed-in user (attach the roles) or for a new account.
 * `studyId` is the study the person saw on the invitation page: a token for another study is refused.
 */
export async function redeemInvitation({
  token,
  studyId,
  user,
  newAccount,
  now = Date.now(),
}: {
  token: string;
  studyId: string | null;
  user: SessionUser | null;
  newAccount?: unknown;
  now?: number;
}): Promise<{ userId: string; studyId: string | null; email: string }> {
  const inv = inspectInvitation({ token, now });
  if ((inv.studyId ?? null) !== (studyId || null)) {
    throw new AppError("invalid:invitation_study", "This invitation is for a different study.");
  }
  let redeemer: Parameters<typeof consumeInvitation>[0]["redeemer"];
  let email: string;
  if (user) {
    email = user.email;
    redeemer = { userId: user.id };
  } else {
    const account = parseInput(newAccountSchema, newAccount);
    if (getUserByEmail({ email: account.email })) {
      throw new AppError(
        "conflict:email",
        "An account with this email already exists. Sign in first, then open the link again.",
        {
          fieldErrors: {
            email: ["An account with this email already exists. Sign in first, then open the link again."],
          },
        },
      );
    }
    email = account.email;
    redeemer = {
      newUser: {
        email: account.email,
        name: account.name,
        passwordHash: await hashPassword(account.password),
      },
    };
  }
  if (inv.email && inv.email !== email) {
    throw new AppError("forbidden:invitation_email", `This invitation is for ${inv.email}.`);
  }
  const studyRoles = inv.studyId
    ? {
        studyId: inv.studyId,
        roles: inv.roles.filter((r): r is StudyRole => (STUDY_ROLES as readonly string[]).includes(r)),
      }
    : null;
  const { userId } = consumeInvitation({
    invitationId: inv.id,
    redeemer,
    studyRoles,
    grantAdmin: !inv.studyId && inv.roles.includes("admin"),
    grantStudyCreation: !inv.studyId && inv.roles.includes("organizer"),
    now,
  });
  return { userId, studyId: inv.studyId, email };
}
