import { redirect } from "next/navigation";

import { getPrincipal } from "@/lib/auth/session";
import { HOME_OF } from "@/lib/auth/page-guard";
import { primaryRole } from "@/lib/auth/principal";
import { isSetUp } from "@/lib/school/setup";

export default async function Home() {
  const p = await getPrincipal();
  if (!p && !(await isSetUp())) redirect("/setup");
  redirect(p ? HOME_OF[primaryRole(p)] : "/login");
}
