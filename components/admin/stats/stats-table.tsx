/**
 * A statistics table: a caption names it, a note says how it is counted, each row is
 * named by its row header, the total sits in the footer. Numbers are right-aligned. On a
 * narrow screen (or at 200 % zoom) it scrolls in its own box, never the page.
 */
export type StatsTableData = {
  id: string;
  caption: string;
  note?: string;
  headers: string[];
  rows: { key: string; cells: string[] }[];
  total?: string[] | undefined;
  empty: string;
};

export function StatsTable({ t }: { t: StatsTableData }) {
  if (t.rows.length === 0) {
    return (
      <p id={t.id} className="my-3">
        <span className="font-semibold">{t.caption}:</span> {t.empty}
      </p>
    );
  }
  const noteId = t.note ? `${t.id}-note` : undefined;
  return (
    <div className="relative my-3 max-w-full overflow-x-auto" role="region" aria-labelledby={`${t.id}-caption`} tabIndex={0}>
      <table id={t.id} className="min-w-full border-collapse text-left" aria-describedby={noteId}>
        <caption id={`${t.id}-caption`} className="mb-1 text-left text-lg font-bold">
          {t.caption}
        </caption>
        <thead>
          <tr>
            {t.headers.map((h, i) => (
              <th key={i} scope="col" className={`border-b-2 border-gray-700 px-2 py-2 align-bottom ${i === 0 ? "" : "text-right"}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.key} className="border-b border-gray-300">
              <RowCells cells={r.cells} headerClass="font-semibold" />
            </tr>
          ))}
        </tbody>
        {t.total && (
          <tfoot>
            <tr className="border-t-2 border-gray-700 font-bold">
              <RowCells cells={t.total} />
            </tr>
          </tfoot>
        )}
      </table>
      {t.note && (
        <p id={noteId} className="mt-1 max-w-3xl text-sm">
          {t.note}
        </p>
      )}
    </div>
  );
}

/** A row's cells: the first is the row's header (a class, a subject, «Итого»), the rest are figures. */
function RowCells({ cells, headerClass = "" }: { cells: readonly React.ReactNode[]; headerClass?: string }) {
  return (
    <>
      {cells.map((c, i) =>
        i === 0 ? (
          <th key={i} scope="row" className={`px-2 py-1.5 text-left ${headerClass}`.trim()}>
            {c}
          </th>
        ) : (
          <td key={i} className="px-2 py-1.5 text-right tabular-nums">
            {c}
          </td>
        ),
      )}
    </>
  );
}
