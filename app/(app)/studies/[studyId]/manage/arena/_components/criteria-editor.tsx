"use client";

import { type ListColumn, ListEditor } from "@/components/list-editor";
import { saveCriteriaAction } from "../actions";

const columns: ListColumn[] = [
  { key: "key", label: "Key", type: "text", width: "w-40" },
  { key: "label", label: "Label", type: "text" },
  { key: "description", label: "Question shown to judges", type: "textarea", width: "min-w-64 flex-[2]" },
];

type Criterion = { key: string; label: string; description: string };

/** The arena's criteria, editable until the first vote (the server checks again). */
export function CriteriaEditor({
  studyId,
  criteria,
  lockedReason,
}: {
  studyId: string;
  criteria: Criterion[];
  lockedReason: string | null;
}) {
  return (
    <ListEditor
      studyId={studyId}
      columns={columns}
      initialRows={criteria}
      blankRow={{ key: "", label: "", description: "" }}
      save={saveCriteriaAction}
      itemName="criterion"
      itemNamePlural="criteria"
      testId="criteria"
      disabledReason={lockedReason}
    />
  );
}
