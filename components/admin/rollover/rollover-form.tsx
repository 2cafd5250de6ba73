"use client";

import { useTranslations } from "next-intl";

import type { RolloverGroup, RolloverPreview } from "@/lib/school/rollover";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/admin/calendar/form-kit";

function GroupTable({ group, chosen }: { group: RolloverGroup; chosen: (studentId: string) => string | undefined }) {
  const t = useTranslations("rollover");
  const caption =
    group.kind !== "CLASS"
      ? t("groupCaptionOther", { name: group.name, grade: group.grade })
      : group.nextName
        ? t("groupCaptionClass", { name: group.name, next: group.nextName })
        : t("groupCaptionGraduate", { name: group.name });
  const proposal = (outcome: string) =>
    outcome === "GRADUATE" ? t("outcome.GRADUATE") : group.nextName ? t("outcome.PROMOTE", { next: group.nextName }) : t("outcome.PROMOTE_OTHER");
  if (group.pupils.length === 0) {
    return (
      <p className="my-4">
        <strong>{caption}</strong>: {t("emptyClass")}
      </p>
    );
  }
  return (
    <div className="relative my-4 max-w-full overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-gray-700 px-3 py-2">{t("colStudent")}</th>
            <th scope="col" className="border-b-2 border-gray-700 px-3 py-2">{t("colOutcome")}</th>
          </tr>
        </thead>
        <tbody>
          {group.pupils.map((s) => (
            <tr key={s.id} className="border-b border-gray-300">
              <th scope="row" className="px-3 py-2 text-left font-semibold">
                <label htmlFor={`o_${s.id}`}>{s.name}</label>
              </th>
              <td className="px-3 py-2">
                <select
                  // remount on a new default: React resets the form after a failed submit
                  key={`o_${s.id}_${chosen(s.id) ?? "PROMOTE"}`}
                  id={`o_${s.id}`}
                  name={`o_${s.id}`}
                  defaultValue={chosen(s.id) ?? "PROMOTE"}
                  className="w-full max-w-xs rounded border-2 border-gray-600 bg-white px-2 py-1.5"
                >
                  <option value="PROMOTE">{proposal(s.proposed)}</option>
                  <option value="REPEAT">{t("outcome.REPEAT")}</option>
                  <option value="LEAVE">{t("outcome.LEAVE")}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RolloverForm({ action, preview }: { action: FormAction<unknown>; preview: RolloverPreview }) {
  const t = useTranslations("rollover");
  const { formAction, failed, errors } = useFormAction(action);
  const confirmErrors = errors("confirm");
  return (
    <form action={formAction} noValidate>
      <ErrorSummary title={t("errorTitle")} message={failed?.message} />
      <input type="hidden" name="yearId" value={preview.year.id} />
      {preview.groups.map((g) => (
        <GroupTable key={g.cohortId} group={g} chosen={(id) => failed?.values?.[`o_${id}`]} />
      ))}
      <div className="mt-6">
        {/* the hint is tied to the checkbox by aria-describedby, so the reason is read with it */}
        <CheckboxField name="confirm" label={t("confirm", { name: preview.year.name })} {...(confirmErrors ? { hint: confirmErrors.join(" ") } : {})} />
      </div>
      <SubmitButton label={t("submit")} pending={t("pending")} />
    </form>
  );
}
