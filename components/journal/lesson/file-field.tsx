import { FieldShell } from "@/components/ui/field-shell";

/** A labelled file chooser for several files, tied to its hint and error like Field. */
export function FileField({ name, label, hint, errors, accept }: {
  name: string; label: string; hint?: string; errors?: string[] | undefined; accept?: string;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <input
          {...control}
          type="file"
          multiple
          accept={accept}
          className={`block w-full max-w-xl rounded border-2 px-3 py-2 text-[1.125rem] file:mr-3 file:rounded file:border-2 file:border-gray-600 file:bg-white file:px-3 file:py-1 file:font-semibold ${borderClass}`}
        />
      )}
    </FieldShell>
  );
}
