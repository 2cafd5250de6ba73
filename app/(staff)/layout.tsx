import { AppHeader } from "@/components/ui/app-header";
import { ClientIntl } from "@/components/i18n/client-intl";
import { requirePageRole } from "@/lib/auth/page-guard";
import { staffNav } from "./nav";
import { signOutAction } from "../(auth)/actions";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const p = await requirePageRole(["ADMIN", "TEACHER"], "/");
  return (
    <>
      <AppHeader principal={p} signOut={signOutAction} nav={await staffNav(p)} />
      <ClientIntl>{children}</ClientIntl>
    </>
  );
}
