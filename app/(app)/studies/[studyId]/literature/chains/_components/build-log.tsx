import type { ChainLogEntry } from "@/lib/chains/types";

/** Every choice the builder made, with its reason, folded away by default. */
export function BuildLog({ log, titles }: { log: ChainLogEntry[]; titles: Map<string, string> }) {
  return (
    <details data-testid="build-log">
      <summary className="cursor-pointer text-sm font-medium">Build log ({log.length} choices)</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-xs">
          <thead>
            <tr className="border-b border-[var(--border)]">
              <th className="py-1 pr-2">Chain</th>
              <th className="py-1 pr-2">Stage</th>
              <th className="py-1 pr-2">Decision</th>
              <th className="py-1 pr-2">Paper</th>
              <th className="py-1">Reason</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the log is append-only and never reordered
              <tr key={i} className="border-b border-[var(--border)] align-top">
                <td className="py-1 pr-2">{e.chain === null ? "–" : e.chain + 1}</td>
                <td className="py-1 pr-2">{e.stage}</td>
                <td className="py-1 pr-2">{e.decision}</td>
                <td className="py-1 pr-2">{e.paperId ? (titles.get(e.paperId) ?? e.paperId) : "–"}</td>
                <td className="py-1">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
