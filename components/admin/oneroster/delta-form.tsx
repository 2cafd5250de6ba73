"use client";
/**
 * «Изменения с»: the download of a delta package. The field is a date and time by the
 * school's clock; the download route wants an instant, so the browser turns the two into
 * one in the school's zone (not the browser's or the server's) and opens the download.
 * Without scripts the form still sends the field as it is (read by the server's clock).
 */
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";

import { localToInstant } from "@/lib/delivery/schedule";
import { FieldShell } from "@/components/ui/field-shell";

const EXPORT_URL = "/api/admin/oneroster-export";

/** «2026-09-01T08:00» in the zone → the ISO instant, or null for anything else. */
function instantOf(value: string, timeZone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, day, hh, mm] = m;
  const at = localToInstant(day ?? "", Number(hh) * 60 + Number(mm), timeZone);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** `zoneLabel`: the school's zone as a person reads it, «GMT+5». */
export function DeltaForm({ timeZone, zoneLabel }: { timeZone: string; zoneLabel: string }) {
  const t = useTranslations("oneroster.delta");
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <form
      method="get"
      action={EXPORT_URL}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const since = instantOf(input.current?.value ?? "", timeZone);
        setError(since === null);
        if (since === null) {
          input.current?.focus();
          return;
        }
        window.location.assign(`${EXPORT_URL}?since=${encodeURIComponent(since)}`);
      }}
    >
      <fieldset className="max-w-3xl rounded border-2 border-gray-300 p-4">
        <legend className="px-1 font-semibold">{t("legend")}</legend>
        <p className="mb-3">{t("lead")}</p>
        <FieldShell name="since" label={t("since")} hint={t("sinceHint", { zone: zoneLabel })} errors={error ? [t("required")] : undefined}>
          {({ borderClass, ...control }) => (
            <input
              {...control}
              ref={input}
              type="datetime-local"
              required
              onChange={() => setError(false)}
              className={`block w-full max-w-xs rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${borderClass}`}
            />
          )}
        </FieldShell>
        <button type="submit" className="rounded bg-accent px-5 py-2.5 text-[1.125rem] font-semibold text-white hover:bg-accent-dark">
          {t("submit")}
        </button>
      </fieldset>
    </form>
  );
}
