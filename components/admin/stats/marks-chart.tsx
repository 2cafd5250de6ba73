/**
 * The distribution of final marks, one stacked bar a row: what share of a class got «5»,
 * «4», «3», «2» and н/а. Inline SVG, no library. Colour is never the only carrier: each
 * kind of mark also has its own pattern, a white gap separates the segments, and the
 * key repeats colour and pattern with the words. The table beside it is the accessible
 * source; the chart is one image with a summary for screen readers.
 */
export type MarksChartRow = { key: string; label: string; five: number; four: number; three: number; two: number; na: number };

const KINDS = [
  { key: "five", fill: "#1b5e20", pattern: "solid" },
  { key: "four", fill: "#0d47a1", pattern: "diagonal" },
  { key: "three", fill: "#7a5900", pattern: "dots" },
  { key: "two", fill: "#b71c1c", pattern: "cross" },
  { key: "na", fill: "#424242", pattern: "horizontal" },
] as const;

export type MarkKindKey = (typeof KINDS)[number]["key"];

const LABEL_W = 150;
const BAR_W = 460;
const ROW_H = 26;
const BAR_H = 18;

export function ChartPatterns({ id }: { id: string }) {
  return (
    <defs>
      {KINDS.map((k) => (
        <pattern key={k.key} id={`${id}-${k.key}`} patternUnits="userSpaceOnUse" width="8" height="8">
          <rect width="8" height="8" fill={k.fill} />
          {k.pattern === "diagonal" && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" strokeWidth="1.5" />}
          {k.pattern === "dots" && <circle cx="4" cy="4" r="1.6" fill="#ffffff" />}
          {k.pattern === "cross" && <path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" strokeWidth="1.2" />}
          {k.pattern === "horizontal" && <path d="M0,4 h8" stroke="#ffffff" strokeWidth="1.5" />}
        </pattern>
      ))}
    </defs>
  );
}

function shortLabel(s: string): string {
  return s.length > 22 ? `${s.slice(0, 21)}…` : s;
}

export function MarksChart({ id, rows, ariaLabel, legendTitle, kindLabels }: {
  id: string;
  rows: MarksChartRow[];
  ariaLabel: string;
  legendTitle: string;
  kindLabels: Record<MarkKindKey, string>;
}) {
  const height = rows.length * ROW_H + 8;
  return (
    <figure className="my-3 max-w-2xl">
      <svg role="img" aria-label={ariaLabel} viewBox={`0 0 ${LABEL_W + BAR_W + 10} ${height}`} className="h-auto w-full" focusable="false">
        <ChartPatterns id={id} />
        {rows.map((r, i) => {
          const total = r.five + r.four + r.three + r.two + r.na;
          const y = 4 + i * ROW_H;
          let x = LABEL_W;
          return (
            <g key={r.key}>
              <text x={LABEL_W - 8} y={y + BAR_H - 4} textAnchor="end" fontSize="13" fill="#111111">
                {shortLabel(r.label)}
              </text>
              <rect x={LABEL_W} y={y} width={BAR_W} height={BAR_H} fill="#ffffff" stroke="#6b6b6b" strokeWidth="1" />
              {total > 0 &&
                KINDS.map((k) => {
                  const w = (r[k.key] / total) * BAR_W;
                  const seg = w > 0 ? <rect key={k.key} x={x} y={y} width={w} height={BAR_H} fill={`url(#${id}-${k.key})`} stroke="#ffffff" strokeWidth="1" /> : null;
                  x += w;
                  return seg;
                })}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-semibold">{legendTitle}:</span>
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={legendTitle}>
          {KINDS.map((k) => (
            <li key={k.key} className="flex items-center gap-1.5">
              <svg width="18" height="14" aria-hidden="true" focusable="false">
                <ChartPatterns id={`${id}-key-${k.key}`} />
                <rect width="18" height="14" fill={`url(#${id}-key-${k.key}-${k.key})`} stroke="#333333" />
              </svg>
              {kindLabels[k.key]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
