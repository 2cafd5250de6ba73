/**
 * A teacher named in a file: by табельный номер, or by full name when it is unique in
 * the school. Exports write the name when it is unique (people read it) and the number
 * otherwise, so an exported file always reads back to the same person.
 */
import { nameKey, numberKey } from "@/lib/imports/values";
import { shortName } from "@/lib/people/names";

export type StaffRef = { id: string; personnelNumber: string | null; lastName: string; firstName: string; middleName: string | null };

export function fullNameOf(p: { lastName: string; firstName: string; middleName: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
}

export class StaffDirectory {
  private readonly byNumber = new Map<string, StaffRef>();
  private readonly byName = new Map<string, StaffRef[]>();
  private readonly byId = new Map<string, StaffRef>();

  constructor(staff: readonly StaffRef[]) {
    for (const s of staff) {
      this.byId.set(s.id, s);
      if (s.personnelNumber) this.byNumber.set(numberKey(s.personnelNumber), s);
      const k = nameKey(fullNameOf(s));
      this.byName.set(k, [...(this.byName.get(k) ?? []), s]);
    }
  }

  /** The staff member a cell names, or the Russian reason it names nobody. */
  resolve(value: string): { id: string } | { error: string } {
    const byNumber = this.byNumber.get(numberKey(value));
    if (byNumber) return { id: byNumber.id };
    const byName = this.byName.get(nameKey(value)) ?? [];
    const [only, second] = byName;
    if (only && !second) return { id: only.id };
    if (only) return { error: "В школе несколько сотрудников с таким ФИО: укажите табельный номер." };
    return { error: "Такого сотрудника нет в школе: проверьте ФИО (полностью) или табельный номер." };
  }

  label(id: string): string {
    const s = this.byId.get(id);
    if (!s) return "";
    const unique = (this.byName.get(nameKey(fullNameOf(s))) ?? []).length === 1;
    return unique || !s.personnelNumber ? fullNameOf(s) : s.personnelNumber;
  }

  /** «Иванова М. П.», as the timetable screen names a teacher. */
  shortLabel(id: string): string {
    const s = this.byId.get(id);
    return s ? shortName(s) : "";
  }
}
