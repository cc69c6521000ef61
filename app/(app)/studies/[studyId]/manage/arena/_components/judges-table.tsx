import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ArenaJudge } from "@/db/queries/arena-setup";

const td = "py-1 pr-3";
const num = "py-1 pr-3 text-right tabular-nums";

/** The members who hold the judge role, with what each has done so far. */
export function JudgesTable({ studyId, judges }: { studyId: string; judges: ArenaJudge[] }) {
  const members = (
    <Link href={`/studies/${studyId}/members`} className="underline" data-testid="invite-judges">
      Members
    </Link>
  );
  if (judges.length === 0) {
    return (
      <p className="text-sm" data-testid="no-judges">
        No one holds the judge role yet. Invite judges (or give members the judge role) on the {members} page.
      </p>
    );
  }
  return (
    <>
      <DataTable
        testId="arena-judges"
        columns={["Judge", "Email", { label: "Voted", align: "right" }, { label: "Skipped", align: "right" }]}
      >
        {judges.map((j) => (
          <tr key={j.userId} className="border-t border-[var(--border)]">
            <td className={td}>{j.name}</td>
            <td className={td}>{j.email}</td>
            <td className={num}>{j.voted}</td>
            <td className={num}>{j.skipped}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 text-sm">
        Invite more judges on the {members} page. Judges never see pairs with their own idea.
      </p>
    </>
  );
}
