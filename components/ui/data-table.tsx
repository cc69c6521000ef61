import type { ReactNode } from "react";

export type Column = { label: string; align?: "left" | "right" };

/** A plain table with the app's header style; rows are the caller's `<tr>`s. Column labels are unique. */
export function DataTable({
  columns,
  children,
  testId,
  className = "",
  stackOnMobile = false,
}: {
  columns: (Column | string)[];
  children: ReactNode;
  testId?: string;
  className?: string;
  /** Below 640 px the rows become blocks (the caller lays out their cells) and the header is hidden. */
  stackOnMobile?: boolean;
}) {
  const stack = stackOnMobile ? "max-sm:block" : "";
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className={`w-full text-left text-sm ${stack}`} data-testid={testId}>
        <thead
          className={`text-xs uppercase text-[var(--foreground-soft)] ${stackOnMobile ? "max-sm:sr-only" : ""}`}
        >
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
        <tbody className={stack}>{children}</tbody>
      </table>
    </div>
  );
}
