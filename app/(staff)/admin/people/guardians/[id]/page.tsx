import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { personFieldSpecs, relationOptions } from "@/components/admin/people/field-specs";
import { DataTable } from "@/components/ui/data-table";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getGuardianDetail, type GuardianDetail } from "@/lib/people/guardian-admin";
import { listStudentOptions } from "@/lib/people/lookups";

import {
  endGuardianshipAction, issueInvitationAction, linkChildAction, removeContactAction, saveContactAction, saveGuardianAction,
} from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("people.guardians");
  return { title: t("cardTitle") };
}

export default async function GuardianPage({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/people/guardians/${id}`);
  const [g, students] = await Promise.all([getGuardianDetail(p, id), listStudentOptions(p)]);
  const t = await getTranslations("people");
  const { created } = await searchParams;
  const period = (from: string, to: string | null) => (to ? t("period", { from: formatDayRu(from), to: formatDayRu(to) }) : t("since", { from: formatDayRu(from) }));
  const active = g.children.filter((c) => c.endDate === null);
  const currentContacts = g.contacts.filter((c) => c.removedAt === null);
  const contactLabel = (c: GuardianDetail["contacts"][number]) => `${t(`channel.${c.channel}`)}: ${c.value}`;
  const hidden = { kind: "hidden" as const, name: "guardianId", value: g.id };
  const common = { pending: t("saving"), errorTitle: t("errorTitle") };
  const h2 = "mt-10 mb-3 text-xl font-bold";
  return (
    <>
      <PageTitle title={g.name} lead={t("guardians.cardLead")}>
        <LinkButton href="/admin/people/guardians">{t("guardians.backToList")}</LinkButton>
      </PageTitle>
      {created && <Notice>{t("guardians.created")}</Notice>}

      <h2 className={h2}>{t("guardians.dataSection")}</h2>
      <ActionForm
        action={saveGuardianAction}
        label={t("guardians.dataSection")}
        fields={[
          { kind: "hidden", name: "id", value: g.id },
          ...personFieldSpecs(t, g),
          { kind: "text", name: "address", label: t("fields.address"), hint: t("fields.addressHint"), defaultValue: g.address ?? "" },
        ]}
        submit={t("save")}
        {...common}
      />

      <h2 className={h2}>{t("guardians.childrenSection")}</h2>
      <DataTable<GuardianDetail["children"][number]>
        caption={t("guardians.childrenList")}
        rows={g.children}
        rowKey={(r) => r.guardianshipId}
        empty={t("guardians.noChildren")}
        columns={[
          { key: "name", header: t("fields.fullName"), rowHeader: true, cell: (r) => <Link href={`/admin/people/students/${r.studentId}`} className="text-accent underline underline-offset-4">{r.name}</Link> },
          { key: "relation", header: t("fields.relation"), cell: (r) => t(`relation.${r.relation}`) },
          { key: "dates", header: t("dates"), cell: (r) => period(r.startDate, r.endDate) },
          { key: "state", header: t("guardians.seesChild"), cell: (r) => (r.endDate ? t("guardians.ended") : t("guardians.active")) },
        ]}
      />
      <h3 className="mb-2 mt-4 text-lg font-bold">{t("guardians.linkTitle")}</h3>
      <ActionForm
        action={linkChildAction}
        label={t("guardians.linkTitle")}
        fields={[
          hidden,
          { kind: "select", name: "studentId", label: t("fields.child"), required: true, options: [{ value: "", label: t("fields.choose") }, ...students] },
          { kind: "select", name: "relation", label: t("fields.relation"), required: true, options: [{ value: "", label: t("fields.choose") }, ...relationOptions(t)] },
          { kind: "text", name: "linkStart", label: t("fields.linkStart"), hint: t("fields.fromTodayHint") },
        ]}
        submit={t("guardians.linkSubmit")}
        {...common}
      />
      {active.length > 0 && (
        <>
          <h3 className="mb-2 mt-4 text-lg font-bold">{t("guardians.endTitle")}</h3>
          <p className="mb-3 max-w-2xl">{t("guardians.endHint")}</p>
          <ActionForm
            action={endGuardianshipAction}
            label={t("guardians.endTitle")}
            fields={[
              hidden,
              { kind: "select", name: "guardianshipId", label: t("fields.child"), required: true, options: [{ value: "", label: t("fields.choose") }, ...active.map((c) => ({ value: c.guardianshipId, label: c.name }))] },
              { kind: "text", name: "guardianshipEnd", label: t("fields.guardianshipEnd"), hint: t("fields.dateHint"), required: true },
            ]}
            submit={t("guardians.endSubmit")}
            {...common}
          />
        </>
      )}

      <h2 className={h2}>{t("contacts.section")}</h2>
      <p className="mb-2 max-w-2xl">{t("contacts.lead")}</p>
      <DataTable<GuardianDetail["contacts"][number]>
        caption={t("contacts.caption")}
        rows={g.contacts}
        rowKey={(r) => r.id}
        empty={t("contacts.empty")}
        columns={[
          { key: "value", header: t("contacts.contact"), rowHeader: true, cell: contactLabel },
          { key: "source", header: t("contacts.source"), cell: (r) => (r.source === "WRITTEN_APPLICATION" && r.applicationNumber && r.applicationDate
            ? t("contacts.application", { number: r.applicationNumber, date: formatDayRu(r.applicationDate) })
            : t(`contacts.sourceKind.${r.source}`)) },
          { key: "entered", header: t("contacts.entered"), cell: (r) => (r.enteredBy ? `${r.createdAt}, ${r.enteredBy}` : r.createdAt) },
          { key: "state", header: t("contacts.state"), cell: (r) => (r.removedAt ? t("contacts.removedAt", { at: r.removedAt }) : t("contacts.current")) },
        ]}
      />
      <h3 className="mb-2 mt-4 text-lg font-bold">{t("contacts.addTitle")}</h3>
      <ActionForm
        action={saveContactAction}
        label={t("contacts.addTitle")}
        fields={[
          hidden,
          ...(currentContacts.length
            ? [{ kind: "select" as const, name: "replacesId", label: t("contacts.replaces"), hint: t("contacts.replacesHint"), options: [{ value: "", label: t("contacts.newContact") }, ...currentContacts.map((c) => ({ value: c.id, label: contactLabel(c) }))] }]
            : []),
          { kind: "select", name: "channel", label: t("contacts.channelLabel"), required: true, options: [{ value: "", label: t("fields.choose") }, { value: "EMAIL", label: t("channel.EMAIL") }, { value: "SMS", label: t("channel.SMS") }] },
          { kind: "text", name: "contactValue", label: t("contacts.value"), hint: t("contacts.valueHint"), required: true },
          { kind: "text", name: "applicationNumber", label: t("contacts.applicationNumber"), required: true },
          { kind: "text", name: "applicationDate", label: t("contacts.applicationDate"), hint: t("fields.dateHint"), required: true },
        ]}
        submit={t("contacts.save")}
        {...common}
      />
      {currentContacts.length > 0 && (
        <>
          <h3 className="mb-2 mt-4 text-lg font-bold">{t("contacts.removeTitle")}</h3>
          <ActionForm
            action={removeContactAction}
            label={t("contacts.removeTitle")}
            fields={[hidden, { kind: "select", name: "contactId", label: t("contacts.contact"), required: true, options: [{ value: "", label: t("fields.choose") }, ...currentContacts.map((c) => ({ value: c.id, label: contactLabel(c) }))] }]}
            submit={t("contacts.remove")}
            {...common}
          />
        </>
      )}

      <h2 className={h2}>{t("guardians.accountSection")}</h2>
      {g.login ? (
        <p>{t("guardians.hasLogin", { login: g.login })}</p>
      ) : (
        <>
          <p className="mb-1 max-w-2xl">{t("guardians.noLogin")}</p>
          {g.pendingInvitationUntil && <p className="mb-1 max-w-2xl">{t("guardians.pendingInvitation", { until: g.pendingInvitationUntil })}</p>}
          <p className="mb-3 max-w-2xl">{t("guardians.invitationHint")}</p>
          <ActionForm action={issueInvitationAction} label={t("guardians.accountSection")} fields={[hidden]} submit={t("guardians.issueCode")} {...common} />
        </>
      )}
    </>
  );
}
