import { formatDayRu } from "@/lib/time";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { MemberTable } from "@/components/admin/cohorts/member-table";
import { Button, LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getCohortDetail } from "@/lib/people/cohort-admin";
import { listMembershipCandidates, listMoveTargets } from "@/lib/people/memberships";
import { listTeacherOptions } from "@/lib/people/lookups";
import { END_REASONS } from "@/lib/people/cohort-schemas";

import { addMembersAction, endMembershipAction, moveStudentAction, updateCohortAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("cardTitle") };
}

export default async function CohortPage({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string; slips?: string }> }) {
  const { id } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/cohorts/${id}`);
  const [c, candidates, teachers] = await Promise.all([getCohortDetail(p, id), listMembershipCandidates(p, id), listTeacherOptions(p)]);
  const targets = c.kind === "CLASS" ? await listMoveTargets(p, id) : [];
  const t = await getTranslations("cohorts");
  const { created, slips } = await searchParams;
  const hidden = { kind: "hidden" as const, name: "cohortId", value: c.id };
  const common = { pending: t("saving"), errorTitle: t("errorTitle") };
  const choose = { value: "", label: t("choose") };
  const h2 = "mt-10 mb-3 text-xl font-bold";
  const open = [...c.current, ...c.upcoming];
  return (
    <>
      <PageTitle title={c.name} lead={t("cardLead", { kind: t(`kinds.${c.kind}`), year: c.yearName, grade: c.grade })}>
        <LinkButton href="/admin/cohorts">{t("backToList")}</LinkButton>
      </PageTitle>
      {created && <Notice>{t("created")}</Notice>}
      {slips === "none" && <Notice kind="info">{t("slips.none")}</Notice>}
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("yearDates")}</dt>
        <dd>{t("period", { from: formatDayRu(c.yearStart), to: formatDayRu(c.yearEnd) })}</dd>
        {c.parent && (
          <>
            <dt className="font-semibold">{t("parentField")}</dt>
            <dd>
              <Link href={`/admin/cohorts/${c.parent.id}`} className="text-accent underline underline-offset-4">{c.parent.name}</Link>
            </dd>
          </>
        )}
        {c.kind === "CLASS" && (
          <>
            <dt className="font-semibold">{t("classTeacher")}</dt>
            <dd>{c.classTeacher ?? t("none")}</dd>
          </>
        )}
      </dl>

      <h2 className={h2}>{t("membersSection")}</h2>
      <MemberTable caption={t("currentCaption", { count: c.current.length })} rows={c.current} empty={t("noCurrent")} />
      {c.upcoming.length > 0 && <MemberTable caption={t("upcomingCaption")} rows={c.upcoming} />}
      <MemberTable caption={t("pastCaption")} rows={c.past} empty={t("noPast")} />

      <h3 className="mb-2 mt-6 text-lg font-bold">{t("addTitle")}</h3>
      <p className="mb-3 max-w-2xl">{t(`addHint.${c.kind}`)}</p>
      <ActionForm
        action={addMembersAction}
        label={t("addTitle")}
        fields={[
          hidden,
          { kind: "group", name: "students", legend: t("studentsLegend"), empty: t("noCandidates"), options: candidates.map((s) => ({ name: `student-${s.id}`, label: s.label })) },
          { kind: "text", name: "membersStart", label: t("membersStart"), hint: t("dateHint"), required: true },
        ]}
        submit={t("addSubmit")}
        {...common}
      />

      {c.kind === "CLASS" && open.length > 0 && (
        <>
          <h3 className="mb-2 mt-6 text-lg font-bold">{t("moveTitle")}</h3>
          <p className="mb-3 max-w-2xl">{t("moveHint")}</p>
          <ActionForm
            action={moveStudentAction}
            label={t("moveTitle")}
            fields={[
              hidden,
              { kind: "select", name: "moveStudentId", label: t("student"), required: true, options: [choose, ...c.current.map((m) => ({ value: m.studentId, label: m.name }))] },
              { kind: "select", name: "toCohortId", label: t("toClass"), required: true, options: [choose, ...targets] },
              { kind: "text", name: "moveDate", label: t("moveDate"), hint: t("moveDateHint"), required: true },
            ]}
            submit={t("moveSubmit")}
            {...common}
          />
        </>
      )}

      {open.length > 0 && (
        <>
          <h3 className="mb-2 mt-6 text-lg font-bold">{t("endTitle")}</h3>
          <ActionForm
            action={endMembershipAction}
            label={t("endTitle")}
            fields={[
              hidden,
              { kind: "select", name: "membershipId", label: t("student"), required: true, options: [choose, ...open.map((m) => ({ value: m.membershipId, label: m.name }))] },
              { kind: "text", name: "membershipEnd", label: t("membershipEnd"), hint: t("dateHint"), required: true },
              { kind: "select", name: "endReason", label: t("endReason"), required: true, options: [choose, ...END_REASONS.map((r) => ({ value: r, label: t(`endReasons.${r}`) }))] },
            ]}
            submit={t("endSubmit")}
            {...common}
          />
        </>
      )}

      <h2 className={h2}>{t("editSection")}</h2>
      <ActionForm
        action={updateCohortAction}
        label={t("editSection")}
        fields={[
          { kind: "hidden", name: "id", value: c.id },
          { kind: "text", name: "name", label: t("nameField"), required: true, defaultValue: c.name },
          ...(c.kind === "CLASS"
            ? [{ kind: "select" as const, name: "classTeacherId", label: t("classTeacherField"), defaultValue: c.classTeacherId ?? "", options: [{ value: "", label: t("none") }, ...teachers] }]
            : []),
        ]}
        submit={t("save")}
        {...common}
      />

      {c.kind === "CLASS" && (
        <>
          <h2 className={h2}>{t("slips.section")}</h2>
          <p className="mb-3 max-w-2xl">{t("slips.hint", { count: c.guardiansWithoutAccount })}</p>
          <form method="post" action={`/api/admin/invitation-slips/${c.id}`}>
            <Button type="submit">{t("slips.submit")}</Button>
          </form>
        </>
      )}
    </>
  );
}
