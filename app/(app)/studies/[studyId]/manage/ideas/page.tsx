import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getBalanceTable, listIdeasForOrganizer } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { IDEA_PROVENANCES, IDEA_STATUSES } from "@/db/schema";
import { guardPage } from "@/lib/auth/guarded";
import { ImportPanel } from "./import-panel";

export const metadata: Metadata = { title: "Ideas" };

const pick = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function ManageIdeasPage({
  params,
  searchParams,
}: PageProps<"/studies/[studyId]/manage/ideas">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const sp = await searchParams;
  const filters = {
    topicId: pick(sp.topic),
    conditionId: pick(sp.condition),
    status: pick(sp.status) as (typeof IDEA_STATUSES)[number] | undefined,
    provenance: pick(sp.provenance) as (typeof IDEA_PROVENANCES)[number] | undefined,
  };
  const { topics, conditions } = getStudySettings({ studyId });
  const ideas = listIdeasForOrganizer({ studyId, ...filters });
  const balance = getBalanceTable({ studyId });
  const select = "rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1 text-sm";
  const exportBase = `/api/studies/${studyId}/ideas/export`;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Balance: submitted ideas per topic × condition</CardTitle>
          <p className="mb-3 text-xs text-[var(--foreground-soft)]">
            Conditions are compared fairly only when their topic mix matches. In brackets: ideas whose review
            text is decided (normalization accepted, edited, or original chosen).
          </p>
          <DataTable
            testId="balance-table"
            columns={[
              "Topic",
              ...conditions.map((c) => ({ label: c.key, align: "right" as const })),
              { label: "Total", align: "right" },
            ]}
          >
            {balance.rows.map((r) => (
              <tr key={r.topicId} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3">{r.topicName}</td>
                {conditions.map((c) => (
                  <td
                    key={c.id}
                    className="py-1 pr-3 text-right"
                    data-testid={`balance-${r.topicName}-${c.key}`}
                  >
                    {r.counts[c.id]?.submitted ?? 0}{" "}
                    <span className="text-[var(--foreground-soft)]">({r.counts[c.id]?.decided ?? 0})</span>
                  </td>
                ))}
                <td className="py-1 pr-3 text-right">{r.total}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
        <Card>
          <CardTitle>Import ideas</CardTitle>
          <ImportPanel studyId={studyId} />
        </Card>
      </div>
      <Card>
        <CardTitle
          action={
            <span className="space-x-3 text-sm" data-testid="export-links">
              Export: <a href={`${exportBase}?format=jsonl`}>JSONL</a>{" "}
              <a href={`${exportBase}?format=csv`}>CSV</a>{" "}
              <a href={`${exportBase}?format=zip`}>Markdown (zip)</a>
            </span>
          }
        >
          Ideas ({ideas.length})
        </CardTitle>
        <form className="mb-4 flex flex-wrap items-end gap-2 text-sm" method="get" data-testid="idea-filters">
          <label className="flex flex-col gap-1 text-xs">
            Topic
            <select name="topic" defaultValue={filters.topicId ?? ""} className={select}>
              <option value="">All</option>
              {topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Condition
            <select name="condition" defaultValue={filters.conditionId ?? ""} className={select}>
              <option value="">All</option>
              {conditions.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.key}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Status
            <select name="status" defaultValue={filters.status ?? ""} className={select}>
              <option value="">All</option>
              {IDEA_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs">
            Provenance
            <select name="provenance" defaultValue={filters.provenance ?? ""} className={select}>
              <option value="">All</option>
              {IDEA_PROVENANCES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-[var(--border)] px-3 py-1">
            Filter
          </button>
        </form>
        {ideas.length === 0 ? (
          <p className="text-sm text-[var(--foreground-soft)]">
            No ideas match. Writers add ideas during the writing phase; you can import AI ideas above.
          </p>
        ) : (
          <DataTable
            testId="idea-table"
            columns={[
              "Code",
              "Title",
              "Topic",
              "Condition",
              "Status",
              "Provenance",
              "Author",
              "Normalization",
            ]}
          >
            {ideas.map((i) => (
              <tr key={i.id} className="border-t border-[var(--border)]">
                <td className="py-1 pr-3 font-mono text-xs">{i.code}</td>
                <td className="py-1 pr-3">{i.fields.title?.trim() || "(untitled)"}</td>
                <td className="py-1 pr-3">{i.topicName}</td>
                <td className="py-1 pr-3">{i.conditionKey}</td>
                <td className="py-1 pr-3">
                  <Badge>{i.status}</Badge>
                </td>
                <td className="py-1 pr-3">
                  {i.provenance}
                  {i.provenanceSource ? ` · ${i.provenanceSource}` : ""}
                </td>
                <td className="py-1 pr-3">{i.authorName ?? "—"}</td>
                <td className="py-1 pr-3">
                  {i.normalizationState}
                  {i.normalizationReview !== "unreviewed" ? ` · ${i.normalizationReview}` : ""}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
