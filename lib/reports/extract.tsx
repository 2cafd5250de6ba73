/**
 * The paper extract (выписка из электронного журнала, R2.3) as a PDF: A4, PT Sans, real
 * text in the order it is read (header, student, marks by subject, absences, the
 * teachers' recommendations, the published exam results, the signature). One student
 * starts a page; a long extract runs onto more pages, each naming the student at the
 * foot, the marks table repeating its header; a subject row stays whole unless it is too
 * long for a page. The large-print variant is one column of big type (no text under
 * 16 pt) with generous spacing, for families who see poorly: each subject a block, every
 * fact on its own line. Always in Russian: a school document.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

import type { ExtractAbsences, ExtractData, ExtractSubject } from "@/lib/reports/extract-data";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";
import { formatDayRu } from "@/lib/time";

const LEGEND = "н — пропуск без уважительной причины, б — по болезни, у — по уважительной причине, оп — опоздание.";

/** The smallest type of the large-print variant, in points. */
export const LARGE_MIN_PT = 16;

/** Rows with more marks than this may break across pages (a long range of days). */
const UNBREAKABLE_MARKS = 60;

function styles(large: boolean) {
  const k = large ? 1.6 : 1;
  // large print: nothing smaller than LARGE_MIN_PT
  const small = (pt: number) => (large ? Math.max(pt * k, LARGE_MIN_PT) : pt);
  return StyleSheet.create({
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: small(10), paddingTop: 32, paddingBottom: large ? 56 : 48, paddingHorizontal: large ? 44 : 40, color: "#000000", lineHeight: large ? 1.5 : 1.3 },
    school: { fontSize: small(9), textAlign: large ? "left" : "right", marginBottom: 8 * k },
    title: { fontSize: 15 * k * (large ? 0.85 : 1), fontWeight: 700, textAlign: large ? "left" : "center", marginBottom: 8 * k },
    info: { marginBottom: 2 * k },
    bold: { fontWeight: 700 },
    h2: { fontSize: 12 * k * (large ? 0.9 : 1), fontWeight: 700, marginTop: 10 * k, marginBottom: 4 * k },
    row: { flexDirection: "row", borderBottomWidth: 0.6, borderColor: "#555555", paddingVertical: 3 },
    headRow: { flexDirection: "row", borderBottomWidth: 1.2, borderColor: "#000000", paddingVertical: 3, fontWeight: 700, fontSize: small(9) },
    cSubject: { width: "22%", paddingRight: 4 },
    cMarks: { width: "42%", paddingRight: 4 },
    cAverage: { width: "10%", textAlign: "center" },
    cPeriod: { width: "10%", textAlign: "center" },
    cAbsent: { width: "16%", paddingLeft: 4 },
    forecast: { fontSize: small(9), marginLeft: "22%", marginTop: 2, color: "#222222" },
    block: { marginBottom: 10 * k, paddingBottom: 6 * k, borderBottomWidth: 1, borderColor: "#777777" },
    blockTitle: { fontSize: 11 * k, fontWeight: 700, marginBottom: 2 * k },
    line: { marginBottom: 2 * k },
    small: { fontSize: small(8.5), marginTop: 4 * k },
    rec: { marginBottom: 4 * k },
    signRow: { flexDirection: large ? "column" : "row", justifyContent: "space-between", marginTop: 24 * (large ? 1.2 : 1) },
    signCell: { width: large ? "100%" : "46%", marginBottom: large ? 18 : 0 },
    signLine: { borderBottomWidth: 0.8, borderColor: "#000000", minHeight: 16 * k },
    signHint: { fontSize: small(8), marginTop: 2 },
    footer: { position: "absolute", bottom: large ? 14 : 20, left: 40, right: 40, fontSize: small(8), color: "#333333", textAlign: "center" },
  });
}
type Styles = ReturnType<typeof styles>;

const shortDay = (day: string) => formatDayRu(day).slice(0, 5);

export function marksText(s: ExtractSubject): string {
  return s.marks.length === 0 ? "нет отметок" : s.marks.map((m) => `${m.symbol} (${shortDay(m.date)})`).join(", ");
}

/** «н — 1, б — 2, оп — 1», or «нет». */
export function absencesText(a: ExtractAbsences): string {
  const parts = [["н", a.absent], ["б", a.ill], ["у", a.excused], ["оп", a.late]].filter(([, n]) => Number(n) > 0).map(([c, n]) => `${c} — ${n}`);
  return parts.length ? parts.join(", ") : "нет";
}

/** «Пропущено уроков: 7 (н — 2, б — 4, у — 1). Опозданий: 1.» */
export function absencesSummary(a: ExtractAbsences): string {
  const missed = a.absent + a.ill + a.excused;
  const why = missed > 0 ? ` (н — ${a.absent}, б — ${a.ill}, у — ${a.excused})` : "";
  return `Пропущено уроков: ${missed}${why}. Опозданий (оп): ${a.late}.`;
}

function periodMarkLabel(e: ExtractData): string {
  switch (e.span.kind) {
    case "QUARTER": return "Отметка за четверть";
    case "TRIMESTER": return "Отметка за триместр";
    case "SEMESTER": return "Отметка за полугодие";
    case "YEAR": return "Годовая отметка";
    default: return "Отметка за период";
  }
}

function forecastLines(f: NonNullable<ExtractSubject["forecast"]>): string[] {
  return [`Прогноз: ${f.headline} ${f.sureness}`, ...f.steps, ...f.risks];
}

function Header({ e, s }: { e: ExtractData; s: Styles }) {
  return (
    <View>
      <Text style={s.school}>
        {e.school.name}
        {e.school.address ? `\n${e.school.address}` : ""}
      </Text>
      <Text style={s.title}>Выписка из электронного журнала</Text>
      <Text style={s.info}>
        <Text style={s.bold}>Обучающийся: </Text>
        {e.student.name}, дата рождения {formatDayRu(e.student.birthDate)}
      </Text>
      <Text style={s.info}>
        <Text style={s.bold}>Класс: </Text>
        {e.cohort?.name ?? "—"}
      </Text>
      <Text style={s.info}>
        <Text style={s.bold}>Период: </Text>
        {e.span.label}
      </Text>
    </View>
  );
}

function SubjectTable({ e, s }: { e: ExtractData; s: Styles }) {
  return (
    <View>
      <View style={s.headRow} wrap={false} fixed>
        <Text style={s.cSubject}>Предмет</Text>
        <Text style={s.cMarks}>Отметки (в скобках — дата)</Text>
        <Text style={s.cAverage}>Средний балл</Text>
        <Text style={s.cPeriod}>{periodMarkLabel(e)}</Text>
        <Text style={s.cAbsent}>Пропуски</Text>
      </View>
      {e.subjects.map((x) => (
        <View key={x.name} style={s.row} wrap={x.marks.length > UNBREAKABLE_MARKS}>
          <View style={{ width: "100%" }}>
            <View style={{ flexDirection: "row" }}>
              <Text style={s.cSubject}>{x.name}</Text>
              <Text style={s.cMarks}>{marksText(x)}</Text>
              <Text style={s.cAverage}>{x.average ?? "—"}</Text>
              <Text style={s.cPeriod}>{x.periodMark ?? "—"}</Text>
              <Text style={s.cAbsent}>{absencesText(x.absences)}</Text>
            </View>
            {x.forecast && <Text style={s.forecast}>{forecastLines(x.forecast).join(" ")}</Text>}
            {!x.forecast && x.note && x.marks.length > 0 && <Text style={s.forecast}>{x.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

function SubjectBlocks({ e, s }: { e: ExtractData; s: Styles }) {
  return (
    <View>
      {e.subjects.map((x) => (
        <View key={x.name} style={s.block}>
          <Text style={s.blockTitle} minPresenceAhead={80}>
            {x.name}
          </Text>
          <Text style={s.line}>Отметки: {marksText(x)}</Text>
          {x.note ? <Text style={s.line}>{x.note}</Text> : <Text style={s.line}>Средний балл: {x.average ?? "—"}</Text>}
          <Text style={s.line}>
            {periodMarkLabel(e)}: {x.periodMark ?? "пока не выставлена"}
          </Text>
          <Text style={s.line}>Пропуски: {absencesText(x.absences)}</Text>
          {x.forecast && forecastLines(x.forecast).map((l, i) => <Text key={i} style={s.line}>{l}</Text>)}
        </View>
      ))}
    </View>
  );
}

function Exams({ e, s, large }: { e: ExtractData; s: Styles; large: boolean }) {
  if (e.exams.length === 0) return null;
  return (
    <View>
      <Text style={s.h2} minPresenceAhead={60}>
        Результаты государственной итоговой аттестации
      </Text>
      {e.exams.map((x, i) =>
        large ? (
          <View key={i} style={s.block} wrap={false}>
            <Text style={s.blockTitle}>
              {x.kind}, {x.subject}
            </Text>
            <Text style={s.line}>Дата: {formatDayRu(x.date)}</Text>
            <Text style={s.line}>Первичный балл: {x.score}</Text>
            <Text style={s.line}>Отметка: {x.mark}</Text>
          </View>
        ) : (
          <Text key={i} style={s.rec}>
            {x.kind}, {x.subject}, {formatDayRu(x.date)}: первичный балл {x.score}, отметка {x.mark}.
          </Text>
        ),
      )}
    </View>
  );
}

function ExtractPage({ e, large }: { e: ExtractData; large: boolean }) {
  const s = styles(large);
  return (
    <Page size="A4" style={s.page}>
      <Header e={e} s={s} />
      <Text style={s.h2}>Успеваемость</Text>
      {e.subjects.length === 0 ? <Text>За этот период отметок и предметов нет.</Text> : large ? <SubjectBlocks e={e} s={s} /> : <SubjectTable e={e} s={s} />}
      {e.forecastNote && <Text style={s.small}>{e.forecastNote}</Text>}

      <Text style={s.h2}>Пропуски уроков</Text>
      <Text>{absencesSummary(e.absences)}</Text>
      <Text style={s.small}>{LEGEND}</Text>

      <Text style={s.h2}>Рекомендации педагогов</Text>
      {e.recommendations.length === 0 ? (
        <Text>За этот период рекомендаций нет.</Text>
      ) : (
        e.recommendations.map((r, i) => (
          <Text key={i} style={s.rec}>
            {formatDayRu(r.date)}, {r.author}
            {r.subject ? ` (${r.subject})` : ""}: {r.text}
          </Text>
        ))
      )}

      <Exams e={e} s={s} large={large} />

      <View style={s.signRow} wrap={false}>
        <View style={s.signCell}>
          <View style={{ flexDirection: "row", alignItems: "flex-end" }}>
            <Text style={[s.signLine, { flexGrow: 1 }]}> </Text>
            <Text>{e.cohort?.classTeacher ? ` / ${e.cohort.classTeacher} /` : " /                    /"}</Text>
          </View>
          <Text style={s.signHint}>классный руководитель (подпись, расшифровка)</Text>
        </View>
        <View style={s.signCell}>
          <Text style={s.signLine}>«____» ______________ 20____ г.</Text>
          <Text style={s.signHint}>дата выдачи</Text>
        </View>
      </View>
      <Text style={s.small}>Выписка сформирована {formatDayRu(e.printedOn)} по данным электронного журнала.</Text>
      <Text style={s.footer} fixed>
        Выписка: {e.student.name}, {e.cohort?.name ?? ""}
      </Text>
    </Page>
  );
}

/** Extracts as one PDF, each student starting on a new page. */
export async function renderExtracts(extracts: readonly ExtractData[], o: { largePrint: boolean; title: string; author: string }): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(
    <Document title={o.title} language="ru" author={o.author} subject="Выписка из электронного журнала" creator="Электронный журнал">
      {extracts.map((e) => (
        <ExtractPage key={e.student.id} e={e} large={o.largePrint} />
      ))}
    </Document>,
  );
}

export function extractTitle(e: ExtractData, largePrint: boolean): string {
  return `Выписка из электронного журнала — ${e.student.name}, ${e.span.name ?? e.span.label}${largePrint ? " (крупный шрифт)" : ""}`;
}

export function batchTitle(cohortName: string, spanLabel: string, largePrint: boolean): string {
  return `Выписки из электронного журнала — ${cohortName}, ${spanLabel}${largePrint ? " (крупный шрифт)" : ""}`;
}
