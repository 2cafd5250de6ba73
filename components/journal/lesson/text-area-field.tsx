import { FieldShell } from "@/components/ui/field-shell";

/** A labelled multi-line field, tied to its hint and error like Field. */
export function TextAreaField({ name, label, hint, errors, defaultValue, rows = 3 }: {
  name: string; label: string; hint?: string; errors?: string[] | undefined; defaultValue?: string | undefined; rows?: number;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <textarea {...control} rows={rows} defaultValue={defaultValue} className={`block w-full max-w-xl rounded border-2 px-3 py-2 text-[1.125rem] ${borderClass}`} />
      )}
    </FieldShell>
  );
}
