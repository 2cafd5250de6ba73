/** How Russian names are shown: «Иванова Мария Петровна» and «Иванова М. П.». */
export type PersonName = { lastName: string; firstName: string; middleName: string | null };

export function fullName(p: PersonName): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
}

export function shortName(p: PersonName): string {
  const initials = [p.firstName, p.middleName].filter((s): s is string => Boolean(s)).map((s) => `${s[0]}.`).join(" ");
  return initials ? `${p.lastName} ${initials}` : p.lastName;
}
