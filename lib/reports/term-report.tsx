/**
 * The term report (отчёт за четверть, полугодие, год) as a PDF: A4 landscape, PT Sans
 * from node_modules, real text, the document's title and language set, read in the order
 * it is laid out: the school, the title, the period and scope, then each table with its
 * heading and a note on how it is counted. Always in Russian: it is a school document.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

import type { StatsReport } from "@/lib/stats/build";
import { reportTables, reportTitle, scopeLabel, type DocTable } from "@/lib/stats/tables";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";
import { printedDay } from "@/lib/timetable/format";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, paddingVertical: 28, paddingHorizontal: 32, color: "#000000", lineHeight: 1.25 },
  school: { fontSize: 10 },
  title: { fontSize: 16, fontWeight: 700, marginTop: 6 },
  lead: { fontSize: 11, marginTop: 2, marginBottom: 6 },
  notice: { fontSize: 10, marginBottom: 6, padding: 4, borderWidth: 0.75, borderColor: "#000000" },
  section: { marginTop: 10 },
  h2: { fontSize: 12, fontWeight: 700, marginBottom: 2 },
  note: { fontSize: 8, color: "#333333", marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#666666", paddingVertical: 2 },
  head: { fontWeight: 700, borderBottomWidth: 1.2, borderColor: "#000000" },
  total: { fontWeight: 700, borderTopWidth: 1, borderColor: "#000000" },
  first: { width: "22%", paddingRight: 4 },
  cell: { flexGrow: 1, flexBasis: 0, textAlign: "right", paddingHorizontal: 2 },
  empty: { fontSize: 10, marginTop: 2 },
  footer: { position: "absolute", bottom: 14, left: 32, right: 32, fontSize: 8, textAlign: "right", color: "#333333" },
});

function Row({ cells, kind }: { cells: readonly string[]; kind?: "head" | "total" }) {
  const style = kind === "head" ? [styles.row, styles.head] : kind === "total" ? [styles.row, styles.total] : styles.row;
  return (
    <View style={style} wrap={false}>
      {cells.map((c, i) => (
        <Text key={i} style={i === 0 ? styles.first : styles.cell}>
          {c}
        </Text>
      ))}
    </View>
  );
}

function Table({ t }: { t: DocTable }) {
  return (
    <View style={styles.section}>
      {/* the heading stays with the table's head row */}
      <View wrap={false} minPresenceAhead={40}>
        <Text style={styles.h2}>{t.title}</Text>
        {t.note && <Text style={styles.note}>{t.note}</Text>}
        {t.rows.length > 0 && <Row cells={t.headers} kind="head" />}
      </View>
      {t.rows.length === 0 ? (
        <Text style={styles.empty}>{t.empty}</Text>
      ) : (
        <>
          {t.rows.map((r, i) => (
            <Row key={i} cells={r} />
          ))}
          {t.total && <Row cells={t.total} kind="total" />}
        </>
      )}
    </View>
  );
}

export function termReportTitle(r: StatsReport): string {
  return `${reportTitle(r.period.kind)}: ${r.period.name}, ${r.period.yearName} — ${scopeLabel(r)}`;
}

export async function renderTermReport(r: StatsReport): Promise<Buffer> {
  registerPdfFonts();
  const tables = reportTables(r);
  return renderToBuffer(
    <Document title={termReportTitle(r)} language="ru" author={r.school.name} subject="Статистика успеваемости, выполнения учебного плана и посещаемости" creator="Журнал">
      <Page size="A4" orientation="landscape" style={styles.page}>
        <Text style={styles.school}>{r.school.name}</Text>
        <Text style={styles.title}>{reportTitle(r.period.kind)}</Text>
        <Text style={styles.lead}>
          {`${r.period.name}, ${r.period.yearName} учебный год (${printedDay(r.period.from)} — ${printedDay(r.period.to)}); ${scopeLabel(r)}. Составлен ${printedDay(r.today)}.`}
        </Text>
        {r.finalsCount === 0 && <Text style={styles.notice}>Итоговые отметки за этот период ещё не выставлены: таблицы успеваемости пусты.</Text>}
        {r.finalsCount > 0 && r.pairsWithoutFinals > 0 && (
          <Text style={styles.notice}>{`Итоговые отметки выставлены не по всем предметам: без отметок ${r.pairsWithoutFinals} (класс × предмет).`}</Text>
        )}
        {tables.map((t) => (
          <Table key={t.id} t={t} />
        ))}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `Страница ${pageNumber} из ${totalPages}`} />
      </Page>
    </Document>,
  );
}
