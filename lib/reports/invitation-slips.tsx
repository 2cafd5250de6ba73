/**
 * The invitation slips of one class as a PDF: three slips to an A4 page, cut apart along
 * dashed lines. Large print (the code at 28 pt) because many parents see poorly; the
 * three steps are plain enough to follow without help.
 */
import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";

import type { Principal } from "@/lib/auth/principal";
import { issueClassInvitationSlips, type Slip, type SlipBatch } from "@/lib/people/invitation-slips";
import { PDF_FONT_FAMILY, registerPdfFonts } from "@/lib/reports/pdf-fonts";

export type SlipTexts = {
  title: string;
  guardian: string;
  child: string;
  children: string;
  className: string;
  code: string;
  validUntil: (date: string) => string;
  address: string;
  steps: [string, string, string];
  documentTitle: (className: string) => string;
};

export const SLIPS_PER_PAGE = 3;

const styles = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 12, paddingVertical: 18, paddingHorizontal: 24, color: "#000000" },
  slip: { height: 262, padding: 14, borderWidth: 1.5, borderStyle: "dashed", borderColor: "#444444", marginBottom: 6 },
  school: { fontSize: 11 },
  title: { fontSize: 17, fontWeight: 700, marginTop: 2, marginBottom: 8 },
  line: { fontSize: 14, marginBottom: 3 },
  bold: { fontWeight: 700 },
  codeBox: { flexDirection: "row", alignItems: "center", marginVertical: 6 },
  code: { fontSize: 28, fontWeight: 700, letterSpacing: 2 },
  until: { fontSize: 11, marginLeft: 14 },
  step: { fontSize: 14, marginBottom: 3 },
});

function SlipView({ slip, batch, texts }: { slip: Slip; batch: SlipBatch; texts: SlipTexts }) {
  return (
    <View style={styles.slip} wrap={false}>
      <Text style={styles.school}>{batch.schoolName}</Text>
      <Text style={styles.title}>{texts.title}</Text>
      <Text style={styles.line}>
        {texts.guardian}: <Text style={styles.bold}>{slip.guardianName}</Text>
      </Text>
      <Text style={styles.line}>
        {slip.children.length > 1 ? texts.children : texts.child}: <Text style={styles.bold}>{slip.children.join(", ")}</Text>, {texts.className} {batch.className}
      </Text>
      <View style={styles.codeBox}>
        <Text style={styles.line}>{texts.code}: </Text>
        <Text style={styles.code}>{slip.code}</Text>
        <Text style={styles.until}>{texts.validUntil(slip.validUntil)}</Text>
      </View>
      <Text style={styles.line}>
        {texts.address}: <Text style={styles.bold}>{batch.inviteUrl}</Text>
      </Text>
      {texts.steps.map((s, i) => (
        <Text key={i} style={styles.step}>
          {i + 1}. {s}
        </Text>
      ))}
    </View>
  );
}

export async function renderInvitationSlips(batch: SlipBatch, texts: SlipTexts): Promise<Buffer> {
  registerPdfFonts();
  const pages: Slip[][] = [];
  for (let i = 0; i < batch.slips.length; i += SLIPS_PER_PAGE) pages.push(batch.slips.slice(i, i + SLIPS_PER_PAGE));
  return renderToBuffer(
    <Document title={texts.documentTitle(batch.className)} language="ru" author={batch.schoolName}>
      {pages.map((slips, i) => (
        <Page key={i} size="A4" style={styles.page}>
          {slips.map((slip) => (
            <SlipView key={slip.code} slip={slip} batch={batch} texts={texts} />
          ))}
        </Page>
      ))}
    </Document>,
  );
}

/** Issues the codes of a class and lays them out; administrators only (checked inside). */
export async function buildClassInvitationSlipsPdf(
  p: Principal,
  cohortId: string,
  texts: SlipTexts,
): Promise<{ pdf: Buffer; slips: number; className: string }> {
  const batch = await issueClassInvitationSlips(p, cohortId);
  if (batch.slips.length === 0) return { pdf: Buffer.alloc(0), slips: 0, className: batch.className };
  return { pdf: await renderInvitationSlips(batch, texts), slips: batch.slips.length, className: batch.className };
}
