/** The signed-in user's own settings. */
import "server-only";

import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";

export async function setMyLocale(p: Principal, locale: "ru" | "en"): Promise<void> {
  await db.user.update({ where: { id: p.userId }, data: { locale } });
}
