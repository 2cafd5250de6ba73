import { getTranslations } from "next-intl/server";

import type { Principal } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/principal";

export async function staffNav(p: Principal): Promise<{ href: string; label: string }[]> {
  const tAdmin = await getTranslations("admin");
  const tJournal = await getTranslations("journal");
  const nav: { href: string; label: string }[] = [];
  if (hasRole(p, "ADMIN")) nav.push({ href: "/admin", label: tAdmin("title") });
  if (hasRole(p, "TEACHER")) nav.push({ href: "/journal", label: tJournal("title") });
  return nav;
}
