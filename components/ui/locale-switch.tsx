import { getLocale, getTranslations } from "next-intl/server";

import { switchLocaleAction } from "@/app/locale-action";

/** One button that switches between Russian and English; labelled in the other language. */
export async function LocaleSwitch({ className }: { className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const other = locale === "ru" ? "en" : "ru";
  return (
    <form action={switchLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} className={className ?? "underline underline-offset-4"}>
        {t("language")}
      </button>
    </form>
  );
}
