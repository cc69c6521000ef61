import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ArenaSnapshotSummary } from "@/db/queries/arena-results";
import { formatUtcDateTime } from "@/lib/format";

/** Published leaderboards, newest first, each with its parameters and the hash of its matches. */
export function SnapshotList({
  studyId,
  snapshots,
  current,
}: {
  studyId: string;
  snapshots: ArenaSnapshotSummary[];
  current: string | null;
}) {
  if (snapshots.length === 0) {
    return (
      <p className="text-sm" data-testid="snapshot-list">
        Nothing published yet. Publishing stores the leaderboard as it is now and opens it to every member.
      </p>
    );
  }
  const download = (id: string, file: string) =>
    `/api/studies/${studyId}/arena/download?file=${file}&snapshot=${id}`;
  return (
    <DataTable
      testId="snapshot-list"
      columns={[
        "Published",
        "By",
        { label: "Matches", align: "right" },
        "Parameters",
        "matches.csv sha256",
        "",
      ]}
    >
      {snapshots.map((s) => (
        <tr key={s.id} className="border-t border-[var(--border)]" data-testid={`snapshot-${s.id}`}>
          <td className="py-1 pr-3">{formatUtcDateTime(s.createdAt)}</td>
          <td className="py-1 pr-3">{s.publishedBy ?? "(deleted account)"}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{s.matchCount}</td>
          <td className="py-1 pr-3 text-xs">
            K {s.params.k} · {s.params.bootstrap} resamples · seed {s.params.seed}
          </td>
          <td className="py-1 pr-3 font-mono text-xs" title={s.matchesHash}>
            {s.matchesHash.slice(0, 12)}…
          </td>
          <td className="py-1 pr-3 text-sm">
            {s.id === current ? (
              <strong>shown</strong>
            ) : (
              <Link href={`/studies/${studyId}/leaderboard?snapshot=${s.id}`}>View</Link>
            )}{" "}
            · <a href={download(s.id, "matches.csv")}>matches.csv</a> ·{" "}
            <a href={download(s.id, "ratings.csv")}>ratings.csv</a>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
