"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";

import type { ActionResult } from "@/lib/action";

type Action = (prev: ActionResult<null>, form: FormData) => Promise<ActionResult<null>>;

/** A button that removes one homework item; a refusal is shown next to it. */
export function RemoveHomeworkButton({ action, homeworkId, text }: { action: Action; homeworkId: string; text: string }) {
  const t = useTranslations("lesson");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="homeworkId" value={homeworkId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("removeHomework", { text: text.length > 40 ? `${text.slice(0, 40)}…` : text })}
        className="rounded border-2 border-gray-600 px-3 py-1 font-semibold underline-offset-4 hover:underline"
      >
        {t("removeShort")}
      </button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
