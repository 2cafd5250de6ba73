import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ClientIntl } from "@/components/i18n/client-intl";
import { AddContactForm, ContactItem } from "@/components/notify/contact-forms";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listMyContacts } from "@/lib/notify/contacts";
import { dateToDay, formatDateTime, formatDayRu, formatTime } from "@/lib/time";
import { addContactAction, confirmContactAction, removeContactAction, resendCodeAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("notify.contacts");
  return { title: t("title") };
}

export default async function DiaryContactsPage() {
  const p = await requirePageRole(["GUARDIAN"], "/diary/contacts");
  const t = await getTranslations("notify.contacts");
  const { current, removed } = await listMyContacts(p);
  const source = (c: { source: "SELF_SERVICE" | "WRITTEN_APPLICATION" | "ELECTRONIC_DOCUMENT"; applicationNumber?: string | null; applicationDate?: Date | null }) =>
    c.source === "WRITTEN_APPLICATION"
      ? t("source.WRITTEN_APPLICATION", { number: c.applicationNumber ?? "—", date: c.applicationDate ? formatDayRu(dateToDay(c.applicationDate)) : "—" })
      : t(`source.${c.source}`);
  return (
    <ClientIntl namespaces={["notify.contacts"]}>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1">{t("lead")}</p>
        <p className="mt-2">
          <Link href="/diary/notifications" className="text-accent underline">
            {t("notificationsLink")}
          </Link>
        </p>

        <section aria-labelledby="contacts-current" className="mt-6">
          <h2 id="contacts-current" className="text-xl font-bold">
            {t("currentHeading")}
          </h2>
          {current.length === 0 ? (
            <p className="mt-2">{t("none")}</p>
          ) : (
            <ul className="mt-3 flex flex-col gap-3">
              {current.map((c) => (
                <ContactItem
                  key={c.id}
                  id={c.id}
                  channelLabel={t(`channel.${c.channel}`)}
                  value={c.value}
                  source={source(c)}
                  confirmed={c.confirmed}
                  resendAfter={c.resendAt ? formatTime(c.resendAt, p.timeZone) : null}
                  confirmAction={confirmContactAction}
                  resendAction={resendCodeAction}
                  removeAction={removeContactAction}
                />
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="contacts-add" className="mt-8">
          <h2 id="contacts-add" className="mb-3 text-xl font-bold">
            {t("addHeading")}
          </h2>
          <AddContactForm action={addContactAction} />
        </section>

        <section aria-labelledby="contacts-history" className="mt-8">
          <h2 id="contacts-history" className="text-xl font-bold">
            {t("historyHeading")}
          </h2>
          {removed.length === 0 ? (
            <p className="mt-2">{t("historyNone")}</p>
          ) : (
            <table className="mt-3 w-full border-collapse text-left">
              <caption className="sr-only">{t("historyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="border-b-2 border-gray-400 p-2">{t("historyContact")}</th>
                  <th scope="col" className="border-b-2 border-gray-400 p-2">{t("historyAdded")}</th>
                  <th scope="col" className="border-b-2 border-gray-400 p-2">{t("historyRemoved")}</th>
                  <th scope="col" className="border-b-2 border-gray-400 p-2">{t("historyBy")}</th>
                </tr>
              </thead>
              <tbody>
                {removed.map((r) => (
                  <tr key={r.id} className="align-top">
                    <th scope="row" className="border-b border-gray-300 p-2 font-normal break-words">
                      {t(`channel.${r.channel}`)}: {r.value}
                      <span className="block text-[0.95rem] text-muted">{source(r)}</span>
                    </th>
                    <td className="border-b border-gray-300 p-2">{formatDateTime(r.createdAt, p.timeZone)}</td>
                    <td className="border-b border-gray-300 p-2">{formatDateTime(r.removedAt, p.timeZone)}</td>
                    <td className="border-b border-gray-300 p-2">{r.removedBy === "self" ? t("removedBySelf") : (r.removedBy ?? t("removedBySchool"))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </ClientIntl>
  );
}
