/**
 * The diary's section menu for the signed-in user: the guardian's own sections
 * («Контакты», «Уведомления») are shown to a guardian only. The menu itself is a client
 * component (diary-nav-menu.tsx); this server part only says who is looking.
 */
import { DiaryNavMenu } from "@/components/diary/nav/diary-nav-menu";
import { hasRole } from "@/lib/auth/principal";
import { getPrincipal } from "@/lib/auth/session";

export async function DiaryNav() {
  const p = await getPrincipal();
  return <DiaryNavMenu guardian={p !== null && hasRole(p, "GUARDIAN") && p.guardianId !== null} />;
}
