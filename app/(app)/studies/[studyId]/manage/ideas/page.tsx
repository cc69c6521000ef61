import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getBalanceTable, listIdeasForOrganizer } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { IDEA_PROVENANCES, IDEA_STATUSES } from "@/lib/ideas/types";
import { guardPage } from "@/server/auth/guarded-handlers";
import { ImportPanel } from "./import-panel";

export const metadata: Metadata = { title: "Ideas" };

function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: [value: string, label: string][];
}) {
  return (
    <label className="flex flex-col gap-1 text-xs">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="rounded border border-[var(--border)] bg-[var(--background)] px-2 py-1 text-sm"
      >
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

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
          <FilterSelect
            label="Topic"
            name="topic"
            value={filters.topicId}
            options={topics.map((t) => [t.id, t.name])}
          />
          <FilterSelect
            label="Condition"
            name="condition"
            value={filters.conditionId}
            options={conditions.map((c) => [c.id, c.key])}
          />
          <FilterSelect
            label="Status"
            name="status"
            value={filters.status}
            options={IDEA_STATUSES.map((v) => [v, v])}
          />
          <FilterSelect
            label="Provenance"
            name="provenance"
            value={filters.provenance}
            options={IDEA_PROVENANCES.map((v) => [v, v])}
          />
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
                <td className="py-1 pr-3 font-mono text-xs">
                  <Link href={`/studies/${studyId}/manage/ideas/${i.id}`} data-testid={`idea-link-${i.code}`}>
                    {i.code}
                  </Link>
                </td>
                <td className="py-1 pr-3">
                  <Link href={`/studies/${studyId}/manage/ideas/${i.id}`}>
                    {i.fields.title?.trim() || "(untitled)"}
                  </Link>
                </td>
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
