/**
 * The choices of a class's extracts, as a plain GET form (no script needed): the span (a
 * reporting period or dates), whom to print (the paper list or the whole class) and
 * large print. Errors stand next to their fields; the page checks and answers.
 */
import { getTranslations } from "next-intl/server";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { ClassOption } from "@/lib/reports/extract-data";
import { formatDayRu } from "@/lib/time";

export type ExtractFormValues = { span: "period" | "dates"; period: string; from: string; to: string; who: "paper" | "all"; large: boolean };

function Radio({ name, value, label, checked, describedBy }: { name: string; value: string; label: string; checked: boolean; describedBy?: string | undefined }) {
  const id = `${name}-${value}`;
  return (
    <div className="mb-2 flex items-start gap-2">
      <input type="radio" id={id} name={name} value={value} defaultChecked={checked} aria-describedby={describedBy} className="mt-1 h-5 w-5 shrink-0" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

function GroupError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mb-2 font-semibold text-danger">
      {errors.join(" ")}
    </p>
  );
}

export async function ExtractForm({ cohort, values, errors }: { cohort: ClassOption; values: ExtractFormValues; errors: Record<string, string[]> }) {
  const t = await getTranslations("extracts");
  const periods = cohort.periods.map((x) => ({ value: x.id, label: t("periodOption", { name: x.name, from: formatDayRu(x.from), to: formatDayRu(x.to) }) }));
  return (
    <form method="get" action="/admin/extracts" aria-labelledby="extract-form-heading" className="mb-8 max-w-2xl">
      <h2 id="extract-form-heading" className="mb-3 text-xl font-bold">
        {t("form", { name: cohort.name })}
      </h2>
      <input type="hidden" name="cohort" value={cohort.id} />
      <input type="hidden" name="go" value="1" />

      <fieldset className="mb-4 rounded border-2 border-gray-300 p-3">
        <legend className="px-1 font-semibold">{t("spanLegend")}</legend>
        <GroupError id="span-error" errors={errors["span"]} />
        <Radio name="span" value="period" label={t("spanPeriod")} checked={values.span === "period"} describedBy={errors["span"] ? "span-error" : undefined} />
        <div className="ml-7">
          {periods.length > 0 ? (
            <SelectField name="period" label={t("periodLabel")} options={[{ value: "", label: t("choose") }, ...periods]} defaultValue={values.period} errors={errors["period"]} />
          ) : (
            <p className="mb-3">{t("noPeriods")}</p>
          )}
        </div>
        <Radio name="span" value="dates" label={t("spanDates")} checked={values.span === "dates"} />
        <div className="ml-7">
          <Field name="from" label={t("fromLabel")} hint={t("dateHint")} defaultValue={values.from} errors={errors["from"]} autoComplete="off" />
          <Field name="to" label={t("toLabel")} hint={t("dateHint")} defaultValue={values.to} errors={errors["to"]} autoComplete="off" />
        </div>
      </fieldset>

      <fieldset className="mb-4 rounded border-2 border-gray-300 p-3">
        <legend className="px-1 font-semibold">{t("whoLegend")}</legend>
        <GroupError id="who-error" errors={errors["who"]} />
        <Radio name="who" value="paper" label={t("whoPaper")} checked={values.who === "paper"} describedBy={errors["who"] ? "who-error" : undefined} />
        <Radio name="who" value="all" label={t("whoAll")} checked={values.who === "all"} />
      </fieldset>

      <CheckboxField name="large" label={t("large")} hint={t("largeHint")} defaultChecked={values.large} />
      <button type="submit" className="rounded bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark">
        {t("prepare")}
      </button>
    </form>
  );
}
