/** One final mark of a subject: «1 четверть — 5, выставлена 25 октября в 14:03». */
import { useTranslations } from "next-intl";

import type { DiaryFinal } from "@/lib/diary/results";
import { instantParts } from "@/components/diary/sections/format";

type Props = { label: string; mark: DiaryFinal | null; timeZone: string; locale: string };

export function FinalLine({ label, mark, timeZone, locale }: Props) {
  const t = useTranslations("diarySections.results");
  return (
    <div className="flex flex-wrap gap-x-2 border-b border-muted py-2">
      <dt className="font-semibold">{label}:</dt>
      <dd>
        {mark ? (
          <>
            <strong className="text-lg">{mark.symbol}</strong>
            <span className="text-muted">, {t("confirmed", instantParts(mark.confirmedAt, timeZone, locale))}</span>
          </>
        ) : (
          <span className="text-muted">{t("notYet")}</span>
        )}
      </dd>
    </div>
  );
}
