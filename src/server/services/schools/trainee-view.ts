import type { LicenceCategory, Sex, TraineeStatus } from "@/generated/prisma/enums";
import { dateToDay } from "@/lib/schools/calendar-day";

/** A trainee as the registry's readers see them. */
export interface TraineeView {
  id: number;
  fullName: string;
  iin: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  category: LicenceCategory;
  status: TraineeStatus;
  group: { id: number; name: string } | null;
  certificate: { number: string; date: string } | null;
  guardian: { name: string; relation: string; consentOn: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

export const traineeViewSelect = {
  id: true,
  fullName: true,
  iin: true,
  birthDate: true,
  sex: true,
  phone: true,
  email: true,
  category: true,
  status: true,
  group: { select: { id: true, name: true } },
  certificateNumber: true,
  certificateDate: true,
  guardianName: true,
  guardianRelation: true,
  guardianConsentOn: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface TraineeRow {
  id: number;
  fullName: string;
  iin: string;
  birthDate: Date;
  sex: Sex;
  phone: string | null;
  email: string | null;
  category: LicenceCategory;
  status: TraineeStatus;
  group: { id: number; name: string } | null;
  certificateNumber: string | null;
  certificateDate: Date | null;
  guardianName: string | null;
  guardianRelation: string | null;
  guardianConsentOn: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toTraineeView(row: TraineeRow): TraineeView {
  return {
    id: row.id,
    fullName: row.fullName,
    iin: row.iin,
    birthDate: dateToDay(row.birthDate),
    sex: row.sex,
    phone: row.phone,
    email: row.email,
    category: row.category,
    status: row.status,
    group: row.group,
    certificate:
      row.certificateNumber && row.certificateDate
        ? { number: row.certificateNumber, date: dateToDay(row.certificateDate) }
        : null,
    guardian:
      row.guardianName && row.guardianRelation && row.guardianConsentOn
        ? { name: row.guardianName, relation: row.guardianRelation, consentOn: dateToDay(row.guardianConsentOn) }
        : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
