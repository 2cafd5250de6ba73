/**
 * The diary's section menu for the signed-in user: the guardian's own sections
 * («Контакты», «Уведомления») are shown to a guardian only. The menu itself is a client
 * component (diary-nav-menu.tsx); this server part only says who is looking.
 */
import { getTranslations } from "next-intl/server";

import { DiaryNavMenu } from "@/components/diary/nav/diary-nav-menu";
import { DIARY_SECTIONS, GUARDIAN_SECTIONS } from "@/components/diary/nav/sections";
import { hasRole } from "@/lib/auth/principal";
import { getPrincipal } from "@/lib/auth/session";

export async function DiaryNav() {
  const p = await getPrincipal();
  const nav = await getTranslations("diarySections.nav");
  const own = await getTranslations("notify.nav");
  const sections: Record<string, string> = {};
  for (const s of DIARY_SECTIONS) sections[s.key] = nav(s.key);
  for (const s of GUARDIAN_SECTIONS) sections[s.key] = own(s.key);
  const current = Object.fromEntries(Object.entries(sections).map(([key, name]) => [key, nav("current", { name })]));
  return (
    <DiaryNavMenu
      guardian={p !== null && hasRole(p, "GUARDIAN") && p.guardianId !== null}
      texts={{ label: nav("label"), menu: nav("menu"), sections, current }}
    />
  );
}
