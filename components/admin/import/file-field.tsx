import { FieldShell } from "@/components/ui/field-shell";

/** A labelled file input with its hint and error, like Field. */
export function FileField({ name, label, hint, accept, errors }: { name: string; label: string; hint?: string; accept: string; errors?: string[] | undefined }) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <input {...control} type="file" accept={accept} className={`block w-full max-w-md rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${borderClass}`} />
      )}
    </FieldShell>
  );
}
