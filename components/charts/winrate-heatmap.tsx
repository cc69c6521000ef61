import type { WinRateMatrix } from "@/lib/arena/leaderboard-view";

/** Shades a win rate: the first chart color above 50%, the second below, stronger further away. */
function shade(rate: number): string {
  const strength = Math.round(Math.min(1, Math.abs(rate - 0.5) * 2) * 70);
  const color = rate >= 0.5 ? "var(--chart-1)" : "var(--chart-2)";
  return `color-mix(in srgb, ${color} ${strength}%, var(--surface))`;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * How each condition's ideas fared against each other condition's (row against column, a tie
 * counting half), as a shaded table: the heat map and its numbers are the same element.
 */
export function WinRateHeatmap({ matrix, caption }: { matrix: WinRateMatrix; caption: string }) {
  const cell = (condition: string, opponent: string) =>
    matrix.cells.find((c) => c.condition === condition && c.opponent === opponent);
  return (
    <div className="overflow-x-auto">
      <table className="text-sm" data-testid="winrate-heatmap">
        <caption className="mb-2 text-left text-xs text-[var(--foreground-soft)]">{caption}</caption>
        <thead className="text-xs text-[var(--foreground-soft)]">
          <tr>
            <th scope="col" className="px-2 py-1 text-left">
              Row vs. column
            </th>
            {matrix.conditions.map((c) => (
              <th key={c} scope="col" className="px-2 py-1 text-center font-mono">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.conditions.map((row) => (
            <tr key={row}>
              <th scope="row" className="px-2 py-1 text-left font-mono text-xs">
                {row}
              </th>
              {matrix.conditions.map((col) => {
                const c = cell(row, col);
                return (
                  <td
                    key={col}
                    className="min-w-24 border border-[var(--border)] px-2 py-1 text-center"
                    style={c ? { background: shade(c.winRate) } : undefined}
                    data-testid={`winrate-${row}-${col}`}
                    title={
                      c ? `${row} vs ${col}: ${c.wins} wins, ${c.ties} ties, ${c.losses} losses` : undefined
                    }
                  >
                    {c ? (
                      <>
                        <span className="font-medium">{percent(c.winRate)}</span>
                        <span className="block text-xs text-[var(--foreground-soft)]">
                          {c.wins}–{c.ties}–{c.losses} (n={c.matches})
                        </span>
                      </>
                    ) : (
                      <span className="text-[var(--foreground-soft)]">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
