import type { ReactNode } from "react";

export type Column = { label: string; align?: "left" | "right" };

/** A plain table with the app's header style; rows are the caller's `<tr>`s. Column labels are unique. */
export function DataTable({
  columns,
  children,
  testId,
  className = "",
}: {
  columns: (Column | string)[];
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs uppercase text-[var(--foreground-soft)]">
          <tr>
            {columns.map((c) => {
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th
                  key={col.label || "actions"}
                  scope="col"
                  className={`py-1 pr-3 ${col.align === "right" ? "text-right" : ""}`}
                >
                  {col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
