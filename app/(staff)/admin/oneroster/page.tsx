/**
 * The administrator's OneRoster 1.2 CSV exchange (issue 9): the school downloaded as a
 * package (whole, or the changes since a moment), a package uploaded (checked first,
 * then applied all or nothing), and the last uploads.
 */
import { getTranslations } from "next-intl/server";

import { requirePageRole } from "@/lib/auth/page-guard";
import { PageTitle } from "@/components/ui/page-title";
import { DeltaForm } from "@/components/admin/oneroster/delta-form";
import { listOneRosterRuns, OneRosterRuns } from "@/components/admin/oneroster/import-runs";
import { OneRosterUploadForm } from "@/components/admin/oneroster/upload-form";
import { applyOneRosterAction, checkOneRosterAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("oneroster");
  return { title: t("title") };
}

/** The zone's offset as a person reads it, «GMT+5»; the zone's name when Intl cannot say. */
function zoneLabel(timeZone: string): string {
  const part = new Intl.DateTimeFormat("ru-RU", { timeZone, timeZoneName: "shortOffset" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

export default async function OneRosterPage() {
  const p = await requirePageRole(["ADMIN"], "/admin/oneroster");
  const t = await getTranslations("oneroster");
  const runs = await listOneRosterRuns(p);
  return (
    <>
      <PageTitle title={t("title")} lead={t("lead")} />
      <p className="mb-8 max-w-3xl font-semibold">{t("safe")}</p>

      <section aria-labelledby="export-heading" className="mb-10">
        <h2 id="export-heading" className="mb-2 text-xl font-bold">
          {t("export.heading")}
        </h2>
        <p className="max-w-3xl">{t("export.lead")}</p>
        <p className="mt-2 max-w-3xl">{t("export.contents")}</p>
        <p className="mt-2 max-w-3xl">{t("export.privacy")}</p>
        <p className="mt-4">
          <a href="/api/admin/oneroster-export" download className="inline-block rounded bg-accent px-5 py-2.5 text-[1.125rem] font-semibold text-white hover:bg-accent-dark">
            {t("export.bulk")}
          </a>
        </p>
        <p className="mt-1 mb-6 text-muted">{t("export.bulkHint")}</p>
        <h3 className="mb-2 text-lg font-bold">{t("export.deltaHeading")}</h3>
        <DeltaForm timeZone={p.timeZone} zoneLabel={zoneLabel(p.timeZone)} />
      </section>

      <section aria-labelledby="upload-heading" className="mb-10">
        <h2 id="upload-heading" className="mb-2 text-xl font-bold">
          {t("upload.heading")}
        </h2>
        <p className="max-w-3xl">{t("upload.lead")}</p>
        <p className="mt-2 mb-4 max-w-3xl">{t("upload.steps")}</p>
        <OneRosterUploadForm check={checkOneRosterAction} apply={applyOneRosterAction} />
      </section>

      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="mb-2 text-xl font-bold">
          {t("runs.heading")}
        </h2>
        <OneRosterRuns runs={runs} timeZone={p.timeZone} />
      </section>
    </>
  );
}
