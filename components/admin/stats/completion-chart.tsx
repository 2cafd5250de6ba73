/**
 * Curriculum completion, one bar a row: lessons held as a percentage of the plan (to
 * date), with a line at 100 % and the percentage written at the end of each bar, so the
 * picture reads without colour. The table beside it is the accessible source.
 */
export type CompletionChartRow = { key: string; label: string; /** held / due in %, null when nothing is due */ done: number | null; doneText: string };

const LABEL_W = 150;
const BAR_W = 400;
const ROW_H = 26;
const BAR_H = 18;
/** the scale runs to 120 %: a subject ahead of plan still shows where 100 % is */
const MAX = 120;

function shortLabel(s: string): string {
  return s.length > 22 ? `${s.slice(0, 21)}…` : s;
}

export function CompletionChart({ rows, ariaLabel, planLabel }: { rows: CompletionChartRow[]; ariaLabel: string; planLabel: string }) {
  const top = 18;
  const height = top + rows.length * ROW_H + 4;
  const at = (pct: number) => LABEL_W + (Math.min(pct, MAX) / MAX) * BAR_W;
  return (
    <figure className="my-3 max-w-2xl">
      <svg role="img" aria-label={ariaLabel} viewBox={`0 0 ${LABEL_W + BAR_W + 70} ${height}`} className="h-auto w-full" focusable="false">
        <text x={at(100)} y={12} textAnchor="middle" fontSize="12" fill="#111111">
          {`100 % (${planLabel})`}
        </text>
        {rows.map((r, i) => {
          const y = top + i * ROW_H;
          const done = r.done ?? 0;
          return (
            <g key={r.key}>
              <text x={LABEL_W - 8} y={y + BAR_H - 4} textAnchor="end" fontSize="13" fill="#111111">
                {shortLabel(r.label)}
              </text>
              <rect x={LABEL_W} y={y} width={at(done) - LABEL_W} height={BAR_H} fill={done >= 100 ? "#1b5e20" : "#0d47a1"} />
              <text x={at(done) + 6} y={y + BAR_H - 4} fontSize="13" fill="#111111">
                {r.doneText}
              </text>
            </g>
          );
        })}
        <line x1={at(100)} x2={at(100)} y1={top - 3} y2={height - 2} stroke="#111111" strokeWidth="2" strokeDasharray="4 3" />
      </svg>
    </figure>
  );
}
