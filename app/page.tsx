import { redirect } from "next/navigation";

import { getPrincipal } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/auth/page-guard";
import { primaryRole } from "@/lib/auth/principal";

export default async function Home() {
  const p = await getPrincipal();
  redirect(p ? HOME_OF[primaryRole(p)] : "/login");
}
