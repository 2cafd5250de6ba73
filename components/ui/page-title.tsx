/** The page's one h1, with an optional line under it. */
export function PageTitle({ title, lead, children }: { title: string; lead?: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {lead && <p className="mt-1 max-w-3xl">{lead}</p>}
      </div>
      {children}
    </div>
  );
}
