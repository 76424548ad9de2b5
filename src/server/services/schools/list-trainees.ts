import type { Prisma } from "@/generated/prisma/client";
import { traineeListSchema, type TraineeListInput } from "@/lib/validation/school";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";

import { requireSchoolReader, traineeScope, type SchoolMember } from "./school-access";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

export type TraineeFilters = Omit<TraineeListInput, "page" | "pageSize">;

/**
 * The trainees the member may see that match the filters. The search text matches the name (any
 * part, any case), or by its digits the IIN (from the start) and the phone (a number typed with
 * 8 or without the country code matches the stored +7…).
 */
export function traineeWhere(member: SchoolMember, filters: TraineeFilters): Prisma.TraineeWhereInput {
  const and: Prisma.TraineeWhereInput[] = [traineeScope(member)];
  if (filters.groupId !== undefined) and.push({ groupId: filters.groupId });
  if (filters.status !== undefined) and.push({ status: filters.status });
  if (filters.category !== undefined) and.push({ category: filters.category });
  const query = filters.query?.trim();
  if (query) {
    const or: Prisma.TraineeWhereInput[] = [{ fullName: { contains: query, mode: "insensitive" } }];
    const digits = query.replace(/[\s()+-]/g, "");
    if (/^\d{3,12}$/.test(digits)) {
      or.push({ iin: { startsWith: digits } });
      const national = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
      or.push({ phone: { contains: national } });
    }
    and.push({ OR: or });
  }
  return { AND: and };
}

export interface TraineePage {
  items: TraineeView[];
  total: number;
  page: number;
  pageSize: number;
}

/** A page of the registry, by name. */
export async function listTrainees(actor: Actor, organizationId: number, input: TraineeListInput): Promise<TraineePage> {
  const member = await requireSchoolReader(actor, organizationId);
  const { page, pageSize, ...filters } = traineeListSchema.parse(input);
  const where = traineeWhere(member, filters);
  const [rows, total] = await Promise.all([
    db.trainee.findMany({
      where,
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: traineeViewSelect,
    }),
    db.trainee.count({ where }),
  ]);
  return { items: rows.map(toTraineeView), total, page, pageSize };
}
