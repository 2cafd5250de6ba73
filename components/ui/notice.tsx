/** A message after an action: success is announced politely, a warning assertively. */
export function Notice({ kind = "success", children }: { kind?: "success" | "warning" | "info"; children: React.ReactNode }) {
  const style = { success: "border-ok bg-green-50", warning: "border-danger bg-red-50", info: "border-accent bg-blue-50" }[kind];
  return (
    <div role={kind === "warning" ? "alert" : "status"} className={`my-4 max-w-3xl rounded border-2 p-3 ${style}`}>
      {children}
    </div>
  );
}
