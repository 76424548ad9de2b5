import type { LicenceCategory } from "@/generated/prisma/enums";
import { dateToDay } from "@/lib/schools/calendar-day";

/** What a group looks like to the registry's readers. */
export interface GroupView {
  id: number;
  name: string;
  category: LicenceCategory;
  startsOn: string;
  endsOn: string;
  schedule: string | null;
  instructor: { membershipId: number; name: string } | null;
  trainees: number;
}

export const groupViewSelect = {
  id: true,
  name: true,
  category: true,
  startsOn: true,
  endsOn: true,
  schedule: true,
  instructor: { select: { id: true, user: { select: { name: true } } } },
  _count: { select: { trainees: true } },
} as const;

type GroupRow = {
  id: number;
  name: string;
  category: LicenceCategory;
  startsOn: Date;
  endsOn: Date;
  schedule: string | null;
  instructor: { id: number; user: { name: string } } | null;
  _count: { trainees: number };
};

export function toGroupView(row: GroupRow): GroupView {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    startsOn: dateToDay(row.startsOn),
    endsOn: dateToDay(row.endsOn),
    schedule: row.schedule,
    instructor: row.instructor ? { membershipId: row.instructor.id, name: row.instructor.user.name } : null,
    trainees: row._count.trainees,
  };
}
