/**
 * The test schedule of a cohort or of the whole school for a period, as a PDF (printed
 * for the notice board, PT Sans from node_modules) or an XLSX (for the education
 * authority). Administrators only.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import ExcelJS from "exceljs";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { assertCan } from "@/lib/auth/permissions";
import { assertId } from "@/lib/people/students";
import { findCohort } from "@/lib/curriculum/calendar";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";
import type { ExportInput } from "@/lib/timetable/schemas";
import { printedDay } from "@/lib/timetable/format";
import { dateToDay } from "@/lib/time";

export type ScheduleExport = { fileName: string; contentType: string; body: Uint8Array };

type Row = { date: string; cohort: string; subject: string; workType: string; title: string };

type ScheduleData = { school: string; scope: string; period: string; from: string; to: string; rows: Row[] };

const HEADERS = ["Дата", "Класс", "Предмет", "Вид работы", "Тема / название"] as const;

async function loadSchedule(p: Principal, input: ExportInput): Promise<ScheduleData> {
  assertId(input.periodId);
  const period = await db.period.findFirst({
    where: { schoolId: p.schoolId, id: input.periodId },
    select: { name: true, startDate: true, endDate: true, gradeFrom: true, gradeTo: true, year: { select: { name: true } } },
  });
  if (!period) throw new AppError("NOT_FOUND", "Период не найден.");
  const cohort = input.cohortId ? await findCohort(p.schoolId, input.cohortId) : null;
  const school = await db.school.findUniqueOrThrow({ where: { id: p.schoolId }, select: { name: true } });
  const rows = await db.assessmentEvent.findMany({
    where: {
      schoolId: p.schoolId,
      date: { gte: period.startDate, lte: period.endDate },
      ...(cohort ? { cohortId: cohort.id } : { cohort: { grade: { gte: period.gradeFrom, lte: period.gradeTo } } }),
    },
    orderBy: [{ date: "asc" }],
    select: { date: true, title: true, cohort: { select: { name: true } }, subject: { select: { name: true } }, workType: { select: { name: true } } },
  });
  return {
    school: school.name,
    scope: cohort ? cohort.name : "вся школа",
    period: `${period.name}, ${period.year.name}`,
    from: dateToDay(period.startDate),
    to: dateToDay(period.endDate),
    rows: rows
      .map((r) => ({ date: dateToDay(r.date), cohort: r.cohort.name, subject: r.subject.name, workType: r.workType.name, title: r.title }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.cohort.localeCompare(b.cohort, "ru", { numeric: true }) || a.subject.localeCompare(b.subject, "ru")),
  };
}

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 11, padding: 28, color: "#000000" },
  school: { fontSize: 11 },
  title: { fontSize: 16, fontWeight: 700, marginTop: 4, marginBottom: 2 },
  lead: { fontSize: 12, marginBottom: 10 },
  row: { flexDirection: "row", borderBottomWidth: 0.75, borderColor: "#555555", paddingVertical: 3 },
  head: { fontWeight: 700, borderBottomWidth: 1.5 },
  date: { width: "13%" },
  cohort: { width: "14%" },
  subject: { width: "25%" },
  workType: { width: "18%" },
  titleCell: { width: "30%" },
  empty: { marginTop: 12, fontSize: 12 },
});

function SchedulePdf({ data }: { data: ScheduleData }) {
  const cells = (r: readonly string[], head = false) => (
    <View style={head ? [styles.row, styles.head] : styles.row} wrap={false} fixed={head}>
      <Text style={styles.date}>{r[0]}</Text>
      <Text style={styles.cohort}>{r[1]}</Text>
      <Text style={styles.subject}>{r[2]}</Text>
      <Text style={styles.workType}>{r[3]}</Text>
      <Text style={styles.titleCell}>{r[4]}</Text>
    </View>
  );
  return (
    <Document title={`График оценочных процедур: ${data.scope}, ${data.period}`} language="ru">
      <Page size="A4" style={styles.page}>
        <Text style={styles.school}>{data.school}</Text>
        <Text style={styles.title}>График оценочных процедур</Text>
        <Text style={styles.lead}>{`${data.scope === "вся школа" ? "Вся школа" : `Класс: ${data.scope}`}; ${data.period} (${printedDay(data.from)} — ${printedDay(data.to)})`}</Text>
        {cells(HEADERS, true)}
        {data.rows.map((r, i) => (
          <View key={i}>{cells([printedDay(r.date), r.cohort, r.subject, r.workType, r.title])}</View>
        ))}
        {data.rows.length === 0 && <Text style={styles.empty}>На этот период оценочные процедуры не запланированы.</Text>}
      </Page>
    </Document>
  );
}

async function toXlsx(data: ScheduleData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = data.school;
  const ws = wb.addWorksheet("График");
  ws.addRow([`График оценочных процедур: ${data.scope}; ${data.period} (${printedDay(data.from)} — ${printedDay(data.to)})`]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow([...HEADERS]);
  head.font = { bold: true };
  for (const r of data.rows) {
    const row = ws.addRow([new Date(`${r.date}T00:00:00Z`), r.cohort, r.subject, r.workType, r.title]);
    row.getCell(1).numFmt = "dd.mm.yyyy";
  }
  ws.columns.forEach((c, i) => {
    c.width = [12, 16, 32, 22, 50][i] ?? 16;
  });
  ws.views = [{ state: "frozen", ySplit: 3 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fileSafe(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
}

export async function exportAssessmentSchedule(p: Principal, input: ExportInput): Promise<ScheduleExport> {
  assertCan(p, "school.manage");
  const data = await loadSchedule(p, input);
  const base = `grafik-${fileSafe(data.scope)}-${fileSafe(data.period)}`;
  if (input.format === "xlsx") {
    return { fileName: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: await toXlsx(data) };
  }
  registerPdfFonts();
  const buffer = await renderToBuffer(<SchedulePdf data={data} />);
  return { fileName: `${base}.pdf`, contentType: "application/pdf", body: new Uint8Array(buffer) };
}
