/**
 * The fields of the people forms as data, built on the server with the page's texts.
 * One description per form keeps the create and edit screens in step.
 */
import { formatDayRu } from "@/lib/time";
import type { FieldSpec } from "@/components/admin/people/action-form";

type T = (key: string, values?: Record<string, string | number>) => string;
type Option = { value: string; label: string };

export type StudentValues = {
  lastName: string; firstName: string; middleName: string | null; birthDate: string; gender: "MALE" | "FEMALE";
  recordNumber: string; individualPlan: boolean; homeSchooling: boolean;
};

/** t is the "people" namespace */
export function studentFieldSpecs(t: T, v?: StudentValues): FieldSpec[] {
  return [
    { kind: "text", name: "lastName", label: t("fields.lastName"), required: true, defaultValue: v?.lastName ?? "" },
    { kind: "text", name: "firstName", label: t("fields.firstName"), required: true, defaultValue: v?.firstName ?? "" },
    { kind: "text", name: "middleName", label: t("fields.middleName"), hint: t("fields.middleNameHint"), defaultValue: v?.middleName ?? "" },
    { kind: "text", name: "birthDate", label: t("fields.birthDate"), hint: t("fields.dateHint"), required: true, defaultValue: v ? formatDayRu(v.birthDate) : "" },
    {
      kind: "select", name: "gender", label: t("fields.gender"), required: true, defaultValue: v?.gender ?? "",
      options: [{ value: "", label: t("fields.choose") }, { value: "FEMALE", label: t("gender.FEMALE") }, { value: "MALE", label: t("gender.MALE") }],
    },
    { kind: "text", name: "recordNumber", label: t("fields.recordNumber"), hint: t("fields.recordNumberHint"), required: true, defaultValue: v?.recordNumber ?? "" },
    { kind: "checkbox", name: "individualPlan", label: t("fields.individualPlan"), defaultChecked: v?.individualPlan ?? false },
    { kind: "checkbox", name: "homeSchooling", label: t("fields.homeSchooling"), defaultChecked: v?.homeSchooling ?? false },
  ];
}

export function programFieldSpecs(t: T, programs: Option[], required: boolean): FieldSpec[] {
  return [
    {
      kind: "select", name: "programId", label: t("fields.program"), required,
      options: [{ value: "", label: required ? t("fields.choose") : t("fields.noProgram") }, ...programs],
    },
    { kind: "text", name: "programStart", label: t("fields.programStart"), hint: required ? t("fields.dateHint") : t("fields.programStartHint") },
  ];
}

export type PersonValues = { lastName: string; firstName: string; middleName: string | null };

export function personFieldSpecs(t: T, v?: PersonValues): FieldSpec[] {
  return [
    { kind: "text", name: "lastName", label: t("fields.lastName"), required: true, defaultValue: v?.lastName ?? "" },
    { kind: "text", name: "firstName", label: t("fields.firstName"), required: true, defaultValue: v?.firstName ?? "" },
    { kind: "text", name: "middleName", label: t("fields.middleName"), hint: t("fields.middleNameHint"), defaultValue: v?.middleName ?? "" },
  ];
}

export function relationOptions(t: T): Option[] {
  return ["MOTHER", "FATHER", "GUARDIAN", "TRUSTEE", "OTHER"].map((r) => ({ value: r, label: t(`relation.${r}`) }));
}

export type StaffValues = PersonValues & { position: string; roles: string[]; personnelNumber: string | null };

export function staffFieldSpecs(t: T, v?: StaffValues): FieldSpec[] {
  return [
    ...personFieldSpecs(t, v),
    { kind: "text", name: "position", label: t("fields.position"), hint: t("fields.positionHint"), required: true, defaultValue: v?.position ?? "" },
    {
      kind: "group", name: "roles", legend: t("fields.roles"), hint: t("fields.rolesHint"),
      options: [
        { name: "roleAdmin", label: t("role.ADMIN"), defaultChecked: v?.roles.includes("ADMIN") ?? false },
        { name: "roleTeacher", label: t("role.TEACHER"), defaultChecked: v?.roles.includes("TEACHER") ?? true },
      ],
    },
    { kind: "text", name: "personnelNumber", label: t("fields.personnelNumber"), hint: t("fields.personnelNumberHint"), defaultValue: v?.personnelNumber ?? "" },
  ];
}
