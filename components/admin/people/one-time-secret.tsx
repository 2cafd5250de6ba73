/**
 * A code or temporary password shown once: large, spaced, in a monospaced face so that
 * 0/O and 1/l are told apart, with what to do with it. It is not stored anywhere shown.
 */
export type Secret = { label: string; value: string; lines: string[] };

export function OneTimeSecret({ secret }: { secret: Secret }) {
  return (
    <div className="mt-2">
      <p className="font-semibold">{secret.label}</p>
      <p className="my-2 break-all font-mono text-3xl font-bold tracking-widest">{secret.value}</p>
      <ul className="list-disc pl-6">
        {secret.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
