import { FieldShell } from "@/components/ui/field-shell";

/** A labelled text or password field with its hint and error (see FieldShell). */
type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "password";
  hint?: string;
  errors?: string[] | undefined;
  defaultValue?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  spellCheck?: boolean;
  autoCapitalize?: string;
};

export function Field({ name, label, type = "text", hint, errors, defaultValue, autoComplete, required, autoFocus, spellCheck, autoCapitalize }: FieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors}>
      {({ borderClass, ...control }) => (
        <input
          {...control}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={required}
          autoFocus={autoFocus}
          spellCheck={spellCheck}
          autoCapitalize={autoCapitalize}
          className={`block w-full max-w-md rounded border-2 px-3 py-2 text-[1.125rem] ${borderClass}`}
        />
      )}
    </FieldShell>
  );
}
