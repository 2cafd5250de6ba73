import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listClassOptions, listStudentOptions, listTeacherOptions, listYearOptions } from "@/lib/people/lookups";
import { COHORT_KINDS } from "@/lib/people/cohort-schemas";
import { createCohortAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("newTitle") };
}

export default async function NewCohortPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/cohorts/new");
  const t = await getTranslations("cohorts");
  const [years, classes, teachers, students] = await Promise.all([listYearOptions(p), listClassOptions(p), listTeacherOptions(p), listStudentOptions(p)]);
  const choose = { value: "", label: t("choose") };
  return (
    <>
      <PageTitle title={t("newTitle")} lead={t("newLead")} />
      <ActionForm
        action={createCohortAction}
        fields={[
          { kind: "select", name: "kind", label: t("kind"), required: true, options: [choose, ...COHORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))] },
          { kind: "select", name: "yearId", label: t("year"), required: true, defaultValue: years.find((y) => y.current)?.value ?? "", options: [choose, ...years.map((y) => ({ value: y.value, label: y.label }))] },
          { kind: "text", name: "name", label: t("nameField"), hint: t("nameHint") },
          { kind: "text", name: "grade", label: t("grade"), hint: t("gradeHint"), required: true },
          { kind: "select", name: "classTeacherId", label: t("classTeacherField"), hint: t("classTeacherHint"), options: [{ value: "", label: t("none") }, ...teachers] },
          { kind: "select", name: "parentId", label: t("parentField"), hint: t("parentHint"), options: [{ value: "", label: t("none") }, ...classes] },
          { kind: "select", name: "studentId", label: t("studentField"), hint: t("studentHint"), options: [{ value: "", label: t("none") }, ...students] },
          { kind: "text", name: "startDate", label: t("startField"), hint: t("startHint") },
        ]}
        submit={t("create")}
        pending={t("saving")}
        errorTitle={t("errorTitle")}
      />
    </>
  );
}
