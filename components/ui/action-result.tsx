import type { ActionResult } from "@/lib/action";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";

/** Shows the outcome of a server action: its error summary, or its success message. */
export function ActionResultView({ state, errorTitle }: { state: ActionResult<unknown>; errorTitle: string }) {
  if (!state) return null;
  if (!state.ok) return <ErrorSummary title={errorTitle} message={state.message} />;
  return state.message ? <Notice>{state.message}</Notice> : null;
}
