"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { userAction } from "@/lib/action";
import { applyRolloverSchema } from "@/lib/school/schemas";
import { applyRollover } from "@/lib/school/rollover";

export const applyRolloverAction = userAction(applyRolloverSchema, async (p, input) => {
  const s = await applyRollover(p, input);
  revalidatePath("/admin", "layout");
  // The summary travels in the address so a reload shows it again instead of a new preview.
  const q = new URLSearchParams({
    from: s.fromYear, to: s.toYear, created: s.yearCreated ? "yes" : "no",
    promoted: String(s.promoted), repeated: String(s.repeated), left: String(s.left), graduated: String(s.graduated), cohorts: String(s.cohortsCreated),
  });
  redirect(`/admin/rollover?${q.toString()}`);
});
