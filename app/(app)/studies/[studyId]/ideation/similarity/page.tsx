import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { guardPage } from "@/server/auth/guarded-handlers";
import { studySimilarity } from "@/server/ideation/similarity-map";

// Study → Ideation → Similarity (organizers only): mean pairwise similarity of the submitted ideas by
// condition pair, and the most similar pairs across conditions with links to the organizer idea
// pages — a leak or copy check between agents and human writers.

export const metadata: Metadata = { title: "Idea similarity" };

const shade = (v: number) =>
  `color-mix(in srgb, var(--chart-1) ${Math.round(Math.max(0, Math.min(1, v)) * 70)}%, var(--surface))`;

export default async function SimilarityPage({
  params,
}: PageProps<"/studies/[studyId]/ideation/similarity">) {
  const { studyId } = await params;
  await guardPage({ study: { roles: ["organizer"] } }, { studyId });
  const map = await studySimilarity({ studyId });
  const mean = (a: string, b: string) =>
    map.means.find((m) => (m.a === a && m.b === b) || (m.a === b && m.b === a));
  const ideaLink = (id: string) => {
    const idea = map.ideas[id];
    return (
      <Link href={`/studies/${studyId}/manage/ideas/${id}`} className="underline">
        {idea?.code ?? "idea"}
      </Link>
    );
  };
  return (
    <div className="space-y-6">
      <p className="text-sm" data-testid="similarity-method">
        {map.method === "embeddings"
          ? `Similarity: cosine of embeddings (${map.model}).`
          : "Similarity: TF-IDF cosine (no embedding model configured)."}
        {map.fallbackReason ? ` The embedding model failed (${map.fallbackReason}), so TF-IDF was used.` : ""}{" "}
        Submitted ideas only; {Object.keys(map.ideas).length} compared.
      </p>
      <Card>
        <CardTitle>Mean similarity by condition pair</CardTitle>
        <p className="mb-3 text-xs text-[var(--foreground-soft)]">
          Diagonal: pairs within a condition. In brackets: the number of pairs.
        </p>
        {map.conditions.length === 0 ? (
          <p className="text-sm">No submitted ideas yet.</p>
        ) : (
          <DataTable
            testId="similarity-matrix"
            columns={["Condition", ...map.conditions.map((c) => ({ label: c, align: "right" as const }))]}
          >
            {map.conditions.map((a) => (
              <tr key={a} className="border-t border-[var(--border)]">
                <th scope="row" className="py-1 pr-3 font-medium">
                  {a}
                </th>
                {map.conditions.map((b) => {
                  const m = mean(a, b);
                  return (
                    <td
                      key={b}
                      className="py-1 pr-3 text-right tabular-nums"
                      style={m ? { background: shade(m.mean) } : undefined}
                    >
                      {m ? `${m.mean.toFixed(2)} (${m.pairs})` : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card>
        <CardTitle>Most similar pairs across conditions</CardTitle>
        {map.top.length === 0 ? (
          <p className="text-sm">No pairs across conditions.</p>
        ) : (
          <DataTable
            testId="similar-pairs"
            columns={[
              { label: "Similarity", align: "right" },
              "Idea",
              "Condition",
              "Other idea",
              "Other condition",
              "Topics",
            ]}
          >
            {map.top.map((p) => (
              <tr key={`${p.a}:${p.b}`} className="border-t border-[var(--border)] align-top">
                <td className="py-1 pr-3 text-right tabular-nums">{p.similarity.toFixed(3)}</td>
                <td className="py-1 pr-3">
                  {ideaLink(p.a)} <span className="text-xs">{map.ideas[p.a]?.title}</span>
                </td>
                <td className="py-1 pr-3">{p.conditionA}</td>
                <td className="py-1 pr-3">
                  {ideaLink(p.b)} <span className="text-xs">{map.ideas[p.b]?.title}</span>
                </td>
                <td className="py-1 pr-3">{p.conditionB}</td>
                <td className="py-1 pr-3 text-xs">
                  {map.ideas[p.a]?.topicName === map.ideas[p.b]?.topicName
                    ? map.ideas[p.a]?.topicName
                    : `${map.ideas[p.a]?.topicName} / ${map.ideas[p.b]?.topicName}`}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
