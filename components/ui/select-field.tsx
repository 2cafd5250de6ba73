import { FieldShell } from "@/components/ui/field-shell";

/** A labelled <select> with hint and error tied to it, like Field. */
type Props = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  errors?: string[] | undefined;
  defaultValue?: string | undefined;
  required?: boolean;
};

export function SelectField({ name, label, options, hint, errors, defaultValue, required }: Props) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <select
          {...control}
          // remounted when its default changes: after a failed submit React resets the form,
          // and a select would otherwise fall back to its first default
          key={defaultValue ?? ""}
          defaultValue={defaultValue}
          required={required}
          className={`block w-full max-w-md rounded border-2 bg-white px-3 py-2 text-[1.0625rem] ${borderClass}`}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
