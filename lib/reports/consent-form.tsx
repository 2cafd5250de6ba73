/**
 * The printable consent form (152-ФЗ art. 9 p. 4): A4, the text in force, the fields a
 * guardian fills by hand (full name, address, identity document, the child), the
 * operator, and the signature and date lines. Printed blank, or with the guardian's and
 * child's names filled in. Always in Russian: it is a legal document for the school.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

import { consentParagraphs } from "@/lib/consent/default-text";
import type { ConsentFormData } from "@/lib/consent/form-data";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";
import { dateToDay, formatDayRu } from "@/lib/time";

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 11, paddingVertical: 36, paddingHorizontal: 48, color: "#000000", lineHeight: 1.35 },
  school: { fontSize: 10, textAlign: "right", marginBottom: 10 },
  title: { fontSize: 15, fontWeight: 700, textAlign: "center", marginBottom: 4 },
  version: { fontSize: 9, textAlign: "center", marginBottom: 12 },
  fieldRow: { flexDirection: "row", marginBottom: 8, alignItems: "flex-end" },
  fieldLabel: { fontSize: 11, marginRight: 6 },
  fieldLine: { flexGrow: 1, borderBottomWidth: 0.8, borderBottomColor: "#000000", minHeight: 14, fontSize: 11, paddingLeft: 4 },
  hint: { fontSize: 8, color: "#333333", marginTop: -6, marginBottom: 8, marginLeft: 4 },
  para: { marginBottom: 6, textAlign: "justify" },
  line: { marginBottom: 2 },
  section: { marginTop: 10 },
  signRow: { flexDirection: "row", marginTop: 28, justifyContent: "space-between" },
  signCell: { width: "30%" },
  signLine: { borderBottomWidth: 0.8, borderBottomColor: "#000000", height: 16 },
  signHint: { fontSize: 8, textAlign: "center", marginTop: 2 },
});

function FieldLine({ label, value, hint }: { label: string; value?: string | null | undefined; hint?: string }) {
  return (
    <View wrap={false}>
      <View style={styles.fieldRow}>
        <Text style={styles.fieldLabel}>{label}</Text>
        <Text style={styles.fieldLine}>{value ?? " "}</Text>
      </View>
      {hint && <Text style={styles.hint}>{hint}</Text>}
    </View>
  );
}

export async function renderConsentForm(data: ConsentFormData): Promise<Buffer> {
  registerPdfFonts();
  const paragraphs = consentParagraphs(data.text.body);
  return renderToBuffer(
    <Document title={`${data.text.title} (версия ${data.text.version})`} language="ru" author={data.school.name} subject="Согласие на обработку персональных данных">
      <Page size="A4" style={styles.page}>
        <Text style={styles.school}>
          {data.school.name}
          {"\n"}
          {data.school.address}
        </Text>
        <Text style={styles.title}>{data.text.title}</Text>
        <Text style={styles.version}>Редакция № {data.text.version}</Text>

        <FieldLine label="Я," value={data.guardian?.name} hint="фамилия, имя, отчество родителя (законного представителя) полностью" />
        <FieldLine label="адрес регистрации:" value={data.guardian?.address} />
        <FieldLine label="документ, удостоверяющий личность:" hint="вид, серия, номер, кем и когда выдан" />
        <FieldLine label=" " />
        <FieldLine label="являясь законным представителем ребёнка:" value={data.child?.name} hint="фамилия, имя, отчество ребёнка" />
        <FieldLine label="дата рождения ребёнка:" value={data.child ? formatDayRu(dateToDay(data.child.birthDate)) : null} />
        <FieldLine label="документ о правах законного представителя (для опекуна):" />

        <View style={styles.section}>
          {paragraphs.map((lines, i) => (
            <View key={i} style={styles.para}>
              {lines.map((l, j) => (
                <Text key={j} style={styles.line}>
                  {l}
                </Text>
              ))}
            </View>
          ))}
        </View>

        <View style={styles.signRow} wrap={false}>
          <View style={styles.signCell}>
            <Text style={styles.signLine}> </Text>
            <Text style={styles.signHint}>подпись</Text>
          </View>
          <View style={styles.signCell}>
            <Text style={styles.signLine}>{data.guardian?.name ?? " "}</Text>
            <Text style={styles.signHint}>расшифровка подписи</Text>
          </View>
          <View style={styles.signCell}>
            <Text style={styles.signLine}>«____» ____________ 20___ г.</Text>
            <Text style={styles.signHint}>дата</Text>
          </View>
        </View>
      </Page>
    </Document>,
  );
}
