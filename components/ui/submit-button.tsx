"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({ label, pending }: { label: string; pending: string }) {
  const status = useFormStatus();
  return (
    <button
      type="submit"
      disabled={status.pending}
      aria-disabled={status.pending}
      className="rounded bg-accent px-5 py-2.5 text-[1.125rem] font-semibold text-white hover:bg-accent-dark disabled:opacity-70"
    >
      {status.pending ? pending : label}
    </button>
  );
}
