export function CheckboxField({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: string }) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="mb-4 flex items-start gap-2">
      <input id={name} name={name} type="checkbox" value="on" defaultChecked={defaultChecked} aria-describedby={hintId} className="mt-1 h-5 w-5" />
      <div>
        <label htmlFor={name} className="font-semibold">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-[0.95rem] text-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
