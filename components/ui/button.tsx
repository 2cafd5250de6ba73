import Link from "next/link";

type Variant = "primary" | "secondary" | "danger";

const STYLE: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-dark border-2 border-accent",
  secondary: "bg-white text-accent border-2 border-accent hover:bg-blue-50",
  danger: "bg-danger text-white border-2 border-danger hover:opacity-90",
};

const BASE = "inline-block rounded px-4 py-2 font-semibold text-[1.0625rem] disabled:opacity-60";

export function Button({
  variant = "primary", children, ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button type="button" {...rest} className={`${BASE} ${STYLE[variant]} ${rest.className ?? ""}`}>
      {children}
    </button>
  );
}

export function LinkButton({ href, variant = "secondary", children }: { href: string; variant?: Variant; children: React.ReactNode }) {
  return (
    <Link href={href} className={`${BASE} ${STYLE[variant]} no-underline`}>
      {children}
    </Link>
  );
}
