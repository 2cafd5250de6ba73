/** How calendar days are printed on set-up screens and in documents: «04.12.2026». Pure. */
export function printedDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}.${m}.${y}`;
}
