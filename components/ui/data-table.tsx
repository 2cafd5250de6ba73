/**
 * A plain accessible table: a caption names it, header cells have scope, and on a narrow
 * screen (or at 200 % zoom) it scrolls inside its own box instead of the page. The box
 * is positioned so that visually hidden (absolutely positioned) labels inside it stay in
 * it and do not widen the page.
 */
export type Column<T> = { key: string; header: string; cell: (row: T) => React.ReactNode; rowHeader?: boolean; className?: string };

export function DataTable<T>({ caption, columns, rows, rowKey, empty }: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: string;
}) {
  if (rows.length === 0 && empty) return <p className="my-4">{empty}</p>;
  return (
    <div className="relative my-4 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="border-b-2 border-gray-700 px-3 py-2 align-bottom">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-b border-gray-300">
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={`px-3 py-2 text-left font-semibold ${c.className ?? ""}`}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.key} className={`px-3 py-2 align-top ${c.className ?? ""}`}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
