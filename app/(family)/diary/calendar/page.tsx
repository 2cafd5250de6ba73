/**
 * «Календарь в телефоне» (issue 9, item 6): what the calendar address is for, how to add
 * it to an Android phone or an iPhone, the button that makes one for the chosen child,
 * and the user's live addresses with «Отключить». Client parts get their words as props.
 */
import { getTranslations } from "next-intl/server";

import { DiaryPage } from "@/components/diary/sections/diary-page";
import { childOf, intlLocale } from "@/components/diary/sections/format";
import { CalendarHelp } from "@/components/diary/calendar/calendar-help";
import { CreateFeedForm } from "@/components/diary/calendar/create-feed-form";
import { FeedList } from "@/components/diary/calendar/feed-list";
import { requirePageRole } from "@/lib/auth/page-guard";
import { listMyFeeds } from "@/lib/calendar/feeds";
import { pickChild } from "@/lib/diary/pick-child";
import { orNotFound } from "@/lib/school/not-found";
import { formatDateTime } from "@/lib/time";
import { createFeedAction, revokeFeedAction } from "./actions";

type SP = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata() {
  const t = await getTranslations("calendarFeed.page");
  return { title: t("title") };
}

export default async function DiaryCalendarPage({ searchParams }: { searchParams: SP }) {
  const p = await requirePageRole(["GUARDIAN", "STUDENT"], "/diary/calendar");
  const t = await getTranslations("calendarFeed.page");
  const { children, current } = await orNotFound(pickChild(p, childOf(await searchParams)));
  const feeds = await listMyFeeds(p);
  const locale = intlLocale(p.locale);
  const steps = (key: "androidSteps" | "iphoneSteps") => {
    const raw: unknown = t.raw(key);
    return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];
  };
  const rows = feeds.map((f) => ({
    id: f.id,
    studentName: f.studentName,
    created: formatDateTime(f.createdAt, p.timeZone, locale),
    lastRead: f.lastReadAt ? formatDateTime(f.lastReadAt, p.timeZone, locale) : null,
    confirm: t("revokeConfirm", { name: f.studentName }),
  }));
  return (
    <DiaryPage title={t("title")} list={children} current={current} basePath="/diary/calendar">
      {current && (
        <>
          <p>{t("lead")}</p>
          <p className="mt-2">{t("whatIsShown")}</p>
          <p className="mt-2">{t("secret")}</p>
          <section aria-labelledby="calendar-help" className="mt-6">
            <h2 id="calendar-help" className="text-xl font-bold">
              {t("helpTitle")}
            </h2>
            <CalendarHelp
              texts={{ androidTitle: t("androidTitle"), androidSteps: steps("androidSteps"), iphoneTitle: t("iphoneTitle"), iphoneSteps: steps("iphoneSteps"), delay: t("delay") }}
            />
          </section>
          <section aria-labelledby="calendar-create" className="mt-8">
            <h2 id="calendar-create" className="text-xl font-bold">
              {t("createTitle")}
            </h2>
            <p className="mt-1 mb-3">{t("onceNote")}</p>
            {/* keyed by the child: switching children forgets an address shown for another */}
            <CreateFeedForm
              key={current.id}
              action={createFeedAction}
              studentId={current.id}
              texts={{
                create: t("createFor", { name: current.name }), creating: t("creating"), errorTitle: t("errorTitle"), createdTitle: t("createdTitle"),
                addressLabel: t("addressLabel"), copy: t("copy"), copied: t("copied"), copyFailed: t("copyFailed"), openOnIphone: t("openOnIphone"),
              }}
            />
          </section>
          <section aria-labelledby="calendar-list" className="mt-8">
            <h2 id="calendar-list" className="text-xl font-bold">
              {t("listTitle")}
            </h2>
            <FeedList
              rows={rows}
              action={revokeFeedAction}
              texts={{
                empty: t("listEmpty"), caption: t("listCaption"), child: t("child"), created: t("created"), lastRead: t("lastRead"),
                neverRead: t("neverRead"), actions: t("actions"), revoke: t("revoke"), revokeYes: t("revokeYes"), revokeNo: t("revokeNo"),
                revoked: t("revoked"), errorTitle: t("errorTitle"),
              }}
            />
          </section>
        </>
      )}
    </DiaryPage>
  );
}
