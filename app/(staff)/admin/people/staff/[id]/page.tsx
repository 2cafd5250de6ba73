import { formatDayRu } from "@/lib/time";
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/admin/people/action-form";
import { staffFieldSpecs } from "@/components/admin/people/field-specs";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-title";
import { requirePageRole } from "@/lib/auth/page-guard";
import { getStaffDetail } from "@/lib/people/staff-admin";

import { createStaffLoginAction, resetStaffPasswordAction, saveStaffAction, staffLeftAction, staffReturnAction } from "../actions";

type Params = Promise<{ id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("people.staff");
  return { title: t("cardTitle") };
}

export default async function StaffMemberPage({ params, searchParams }: { params: Params; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const p = await requirePageRole(["ADMIN"], `/admin/people/staff/${id}`);
  const s = await getStaffDetail(p, id);
  const t = await getTranslations("people");
  const { created } = await searchParams;
  const common = { pending: t("saving"), errorTitle: t("errorTitle") };
  const h2 = "mt-10 mb-3 text-xl font-bold";
  return (
    <>
      <PageTitle title={s.name} lead={s.leftAt ? t("staff.leftOn", { date: formatDayRu(s.leftAt) }) : s.position}>
        <LinkButton href="/admin/people/staff">{t("staff.backToList")}</LinkButton>
      </PageTitle>
      {created && <Notice>{t("staff.created")}</Notice>}

      <h2 className={h2}>{t("staff.dataSection")}</h2>
      <ActionForm
        action={saveStaffAction}
        label={t("staff.dataSection")}
        fields={[{ kind: "hidden", name: "id", value: s.id }, ...staffFieldSpecs(t, s)]}
        submit={t("save")}
        {...common}
      />

      <h2 className={h2}>{t("staff.accountSection")}</h2>
      {s.login ? (
        <>
          <p className="mb-1">{t("staff.hasLogin", { login: s.login })}</p>
          <p className="mb-3">{s.lastLoginAt ? t("staff.lastLogin", { at: s.lastLoginAt }) : t("staff.neverLoggedIn")}</p>
          <p className="mb-3 max-w-2xl">{t("staff.resetHint")}</p>
          <ActionForm
            action={resetStaffPasswordAction}
            label={t("staff.resetTitle")}
            fields={[{ kind: "hidden", name: "staffId", value: s.id }]}
            submit={t("staff.resetSubmit")}
            {...common}
          />
        </>
      ) : s.leftAt ? (
        <p>{t("staff.noLoginLeft")}</p>
      ) : (
        <>
          <p className="mb-3 max-w-2xl">{t("staff.createLoginHint")}</p>
          <ActionForm
            action={createStaffLoginAction}
            label={t("staff.createLoginTitle")}
            fields={[
              { kind: "hidden", name: "staffId", value: s.id },
              { kind: "text", name: "login", label: t("fields.login"), hint: t("fields.loginHint"), required: true },
            ]}
            submit={t("staff.createLoginSubmit")}
            {...common}
          />
        </>
      )}

      <h2 className={h2}>{t("staff.leaveSection")}</h2>
      {s.isSelf ? (
        <p>{t("staff.cannotLeaveSelf")}</p>
      ) : s.leftAt ? (
        <ActionForm action={staffReturnAction} label={t("staff.leaveSection")} fields={[{ kind: "hidden", name: "id", value: s.id }]} submit={t("staff.returnSubmit")} {...common} />
      ) : (
        <>
          <p className="mb-3 max-w-2xl">{t("staff.leaveHint")}</p>
          <ActionForm
            action={staffLeftAction}
            label={t("staff.leaveSection")}
            fields={[{ kind: "hidden", name: "id", value: s.id }, { kind: "text", name: "staffLeftAt", label: t("fields.staffLeftAt"), hint: t("fields.dateHint"), required: true }]}
            submit={t("staff.leaveSubmit")}
            {...common}
          />
        </>
      )}
    </>
  );
}
