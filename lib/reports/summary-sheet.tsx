/**
 * The summary sheet (сводная ведомость итоговых отметок) of a class for the year as a
 * PDF, laid out like the last pages of a paper class journal: students down, subjects
 * across, under each subject its periods, the year, and for a graduating class the exam
 * and the final mark; the class statistics (DOMAIN.md) at the foot of each column.
 * Landscape A4; subjects that do not fit the width go on to the next sheet, which repeats
 * the students' column. The facts are lib/journal/summary.ts's, exactly as the screen.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { readSummarySheet, type SummarySheet } from "@/lib/journal/summary";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";
import { formatDayRu, schoolToday } from "@/lib/time";

/** landscape A4 is 842 pt wide; the page's padding, the number and the name take the rest */
const PAGE_WIDTH = 842;
const PADDING = 24;
const NUMBER_WIDTH = 18;
const NAME_WIDTH = 118;
const CELL_WIDTH = 24;
const LONG_TEXT = 6;

const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 8.5, paddingTop: PADDING, paddingBottom: 40, paddingHorizontal: PADDING, color: "#000000" },
  school: { fontSize: 8 },
  title: { fontSize: 13, fontWeight: 700, marginTop: 2 },
  lead: { fontSize: 10, marginBottom: 6 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#444444", minHeight: 14, alignItems: "stretch" },
  head: { flexDirection: "row", borderBottomWidth: 1, borderTopWidth: 1, borderColor: "#000000" },
  num: { width: NUMBER_WIDTH, borderRightWidth: 0.5, borderColor: "#444444", textAlign: "center", paddingTop: 2 },
  name: { width: NAME_WIDTH, borderRightWidth: 0.5, borderColor: "#444444", paddingLeft: 3, paddingTop: 2 },
  subjectHead: { borderRightWidth: 1, borderColor: "#000000" },
  subjectName: { fontSize: 8, fontWeight: 700, textAlign: "center", paddingTop: 2, paddingHorizontal: 1, height: 32, borderBottomWidth: 0.5, borderColor: "#444444" },
  cell: { width: CELL_WIDTH, borderRightWidth: 0.5, borderColor: "#888888", textAlign: "center", paddingTop: 2 },
  lastCell: { borderRightWidth: 1, borderColor: "#000000" },
  yearCell: { fontWeight: 700 },
  statRow: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#444444", minHeight: 13, backgroundColor: "#f2f2f2" },
  statName: { width: NUMBER_WIDTH + NAME_WIDTH, borderRightWidth: 0.5, borderColor: "#444444", paddingLeft: 3, paddingTop: 2, fontWeight: 700 },
  statCell: { width: CELL_WIDTH, borderRightWidth: 0.5, borderColor: "#888888", textAlign: "center", paddingTop: 2, fontSize: 7 },
  legend: { fontSize: 7.5, marginTop: 8 },
  sign: { marginTop: 14, fontSize: 9 },
  footer: { position: "absolute", bottom: 16, left: PADDING, right: PADDING, fontSize: 7.5, textAlign: "right", color: "#333333" },
});

/** «1 четверть» → «1 ч», «2 полугодие» → «2 п/г», «Год», «Экз.», «Итог.». */
export function periodShort(name: string): string {
  const m = /^(\d+)\s*(четверть|триместр|полугодие)/i.exec(name.trim());
  if (m) return `${m[1]} ${{ четверть: "ч", триместр: "тр", полугодие: "п/г" }[(m[2] ?? "").toLowerCase()] ?? ""}`.trim();
  if (name === "Экзамен") return "Экз.";
  if (name === "Итоговая") return "Итог.";
  return name;
}

/** The column's name in the legend: «1 четверть», «годовая отметка». */
function periodLong(name: string): string {
  if (name === "Год") return "годовая отметка";
  if (name === "Экзамен") return "экзаменационная отметка";
  if (name === "Итоговая") return "итоговая отметка";
  return name.toLowerCase();
}

/** How many subjects fit across a landscape page with this many columns each. */
export function subjectsPerPage(columnsPerSubject: number): number {
  const free = PAGE_WIDTH - 2 * PADDING - NUMBER_WIDTH - NAME_WIDTH;
  return Math.max(1, Math.floor(free / (Math.max(1, columnsPerSubject) * CELL_WIDTH)));
}

/** A long descriptive mark does not fit a cell: its start and «…» (the journal has it whole). */
function cellText(v: string): string {
  return v.length > LONG_TEXT ? `${v.slice(0, LONG_TEXT - 1)}…` : v;
}

const STAT_ROWS = [
  { key: "success", label: "Успеваемость, %" },
  { key: "quality", label: "Качество знаний, %" },
  { key: "mean", label: "Средний балл" },
  { key: "sou", label: "СОУ, %" },
] as const;

function SheetPage({ sheet, subjects, school, part, parts }: { sheet: SummarySheet; subjects: SummarySheet["subjects"]; school: string; part: number; parts: number }) {
  const perSubject = sheet.periods.length;
  const index = new Map(sheet.columns.map((c, i) => [`${c.subjectId}|${c.periodId}`, i]));
  const cols = subjects.flatMap((sub) => sheet.periods.map((x, j) => ({ i: index.get(`${sub.id}|${x.id}`) ?? -1, year: x.isYear, last: j === perSubject - 1 })));
  const width = { width: NUMBER_WIDTH + NAME_WIDTH + cols.length * CELL_WIDTH };
  const cellStyle = (c: { year: boolean; last: boolean }) => [s.cell, ...(c.year ? [s.yearCell] : []), ...(c.last ? [s.lastCell] : [])];
  return (
    <Page size="A4" orientation="landscape" style={s.page}>
      <View fixed>
        <Text style={s.school}>{school}</Text>
        <Text style={s.title}>Сводная ведомость итоговых отметок</Text>
        <Text style={s.lead}>
          Класс {sheet.cohort.name}, {sheet.cohort.yearName} учебный год{parts > 1 ? ` — лист ${part} из ${parts}` : ""}
        </Text>
        <View style={[s.head, width]}>
          <Text style={s.num}>№</Text>
          <Text style={s.name}>Обучающийся</Text>
          {subjects.map((sub) => (
            <View key={sub.id} style={[s.subjectHead, { width: perSubject * CELL_WIDTH }]}>
              <Text style={s.subjectName}>{sub.name}</Text>
              <View style={{ flexDirection: "row" }}>
                {sheet.periods.map((x, j) => (
                  <Text key={x.id} style={[s.cell, ...(j === perSubject - 1 ? [{ borderRightWidth: 0 }] : [])]}>
                    {periodShort(x.name)}
                  </Text>
                ))}
              </View>
            </View>
          ))}
        </View>
      </View>
      {sheet.rows.map((r, n) => (
        <View key={r.studentId} style={[s.row, width]} wrap={false}>
          <Text style={s.num}>{n + 1}</Text>
          <Text style={s.name}>{r.name}</Text>
          {cols.map((c, k) => (
            <Text key={k} style={cellStyle(c)}>
              {cellText(r.cells[c.i] ?? "")}
            </Text>
          ))}
        </View>
      ))}
      {STAT_ROWS.map((st) => (
        <View key={st.key} style={[s.statRow, width]} wrap={false}>
          <Text style={s.statName}>{st.label}</Text>
          {cols.map((c, k) => (
            <Text key={k} style={[s.statCell, ...(c.last ? [s.lastCell] : [])]}>
              {sheet.stats[c.i]?.[st.key] ?? ""}
            </Text>
          ))}
        </View>
      ))}
      <Text style={s.legend}>
        {sheet.periods.map((x) => `${periodShort(x.name)} — ${periodLong(x.name)}`).join("; ")}. Пусто — отметка не выставлена; н/а — не аттестован; осв — освобождён.
        Успеваемость — доля учеников без «2» и «н/а»; качество — только «4» и «5»; СОУ — степень обученности. Длинные словесные отметки сокращены, полностью они в журнале.
      </Text>
      {part === parts && <Text style={s.sign}>Классный руководитель ______________________ / ______________________ /       Дата «____» ______________ 20____ г.</Text>}
      <Text style={s.footer} fixed render={({ pageNumber, totalPages }) => `Сводная ведомость, ${sheet.cohort.name} — страница ${pageNumber} из ${totalPages}`} />
    </Page>
  );
}

export async function renderSummarySheet(sheet: SummarySheet, school: string, printedOn: string): Promise<Buffer> {
  registerPdfFonts();
  const per = subjectsPerPage(sheet.periods.length);
  const chunks: SummarySheet["subjects"][] = [];
  for (let i = 0; i < sheet.subjects.length; i += per) chunks.push(sheet.subjects.slice(i, i + per));
  const title = `Сводная ведомость — ${sheet.cohort.name}, ${sheet.cohort.yearName}`;
  return renderToBuffer(
    <Document title={title} language="ru" author={school} subject="Сводная ведомость итоговых отметок" creator="Электронный журнал">
      {chunks.length === 0 || sheet.rows.length === 0 ? (
        <Page size="A4" orientation="landscape" style={s.page}>
          <Text style={s.school}>{school}</Text>
          <Text style={s.title}>Сводная ведомость итоговых отметок</Text>
          <Text style={s.lead}>Класс {sheet.cohort.name}, {sheet.cohort.yearName} учебный год</Text>
          <Text>{sheet.rows.length === 0 ? "В классе нет учеников." : "У класса нет предметов с отметками."} Сформировано {formatDayRu(printedOn)}.</Text>
        </Page>
      ) : (
        chunks.map((subjects, i) => <SheetPage key={i} sheet={sheet} subjects={subjects} school={school} part={i + 1} parts={chunks.length} />)
      )}
    </Document>,
  );
}

/** The sheet as the screen shows it (same access), as a PDF. */
export async function printSummarySheet(p: Principal, cohortId: string, yearId?: string): Promise<{ pdf: Buffer; fileName: string }> {
  const sheet = await readSummarySheet(p, cohortId, yearId);
  const school = await db.school.findUniqueOrThrow({ where: { id: p.schoolId }, select: { name: true } });
  const pdf = await renderSummarySheet(sheet, school.name, schoolToday(p.timeZone));
  return { pdf, fileName: `Сводная ведомость — ${sheet.cohort.name} — ${sheet.cohort.yearName.replace("/", "-")}.pdf` };
}
