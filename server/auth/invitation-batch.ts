import "server-only";
import { z } from "zod";
import { insertInvitations } from "@/db/queries/invitations";
import { formatEmailListIssues, parseEmailList } from "@/lib/auth/email-list";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import type { SessionUser } from "@/lib/auth/types";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatUtcDateTime } from "@/lib/format";
import { sendEmail } from "@/server/email/send";
import { parseInput } from "./check-guard";
import { createInvitationSchema } from "./invitations";

// Many study invitations at once from a pasted list: each address gets its own single-use link,
// bound to that address. All are created in one transaction, or none when any line is bad.

export type CreatedBatchInvitation = { email: string; path: string; expiresAt: number };

const batchSchema = createInvitationSchema.safeExtend({
  emails: z.string({ error: "Paste email addresses." }),
});

export function createInvitationBatch({
  actor,
  studyId,
  input,
  now = Date.now(),
}: {
  actor: SessionUser;
  /** The guard has checked that the actor organizes this study. */
  studyId: string;
  input: Record<string, unknown>;
  now?: number;
}): { invitations: CreatedBatchInvitation[]; roles: string[]; repeated: number } {
  const { email: _single, ...rest } = input;
  const data = parseInput(batchSchema, { ...rest, studyId });
  const list = parseEmailList(data.emails);
  if (!list.ok) {
    const message = formatEmailListIssues(list.issues);
    throw new AppError("invalid:emails", `Nothing was created. Fix the list: ${message}.`, {
      fieldErrors: { emails: [message] },
    });
  }
  const roles = [...new Set(data.roles)];
  const expiresAt = now + (data.ttlDays ?? getEnv().INVITE_TTL_DAYS) * 24 * 60 * 60 * 1000;
  const tokens = list.emails.map(() => generateToken());
  insertInvitations(
    list.emails.map((email, i) => ({
      tokenHash: hashToken(tokens[i] as string),
      studyId,
      roles,
      email,
      note: data.note ?? null,
      createdBy: actor.id,
      expiresAt,
    })),
  );
  return {
    invitations: list.emails.map((email, i) => ({ email, path: `/invite/${tokens[i]}`, expiresAt })),
    roles,
    repeated: list.repeated,
  };
}

export type DeliveryResult = { email: string; sent: boolean; problem?: string };

/**
 * Emails each link, one message at a time (at most MAX_BULK_INVITATIONS). A failed send does not stop
 * the rest; its link is returned with the problem so the organizer can pass it on by hand.
 */
export async function emailInvitations({
  invitations,
  studyTitle,
  roles,
  inviterName,
  appUrl,
}: {
  invitations: CreatedBatchInvitation[];
  studyTitle: string;
  roles: string[];
  inviterName: string;
  appUrl: string;
}): Promise<DeliveryResult[]> {
  const results: DeliveryResult[] = [];
  for (const inv of invitations) {
    const link = new URL(inv.path, appUrl).toString();
    try {
      await sendEmail({
        to: inv.email,
        subject: `Invitation to “${studyTitle}”`,
        text: `Hello,\n\n${inviterName} invites you to the study “${studyTitle}” as ${roles.join(" and ")}.\n\nAccept with this link (it works once, for ${inv.email}, until ${formatUtcDateTime(inv.expiresAt)}):\n${link}\n`,
      });
      results.push({ email: inv.email, sent: true });
    } catch (e) {
      results.push({ email: inv.email, sent: false, problem: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
}
