import { almatyDay } from "@/lib/almaty-time";
import { makeIin } from "@/lib/kz-identifiers";
import { db } from "@/server/db";

import { createUser, createVerifiedOrganization, grantEntitlement } from "./factories";

// Schools, people and trainees for the registry's integration tests.

export interface SchoolFixture {
  organizationId: number;
  owner: { userId: number; ip: string };
  manager: { userId: number; ip: string };
  observer: { userId: number; ip: string };
  instructorA: { userId: number; ip: string; membershipId: number };
  instructorB: { userId: number; ip: string; membershipId: number };
  observerMembershipId: number;
}

/** A paid monthly plan for the school, running from a day ago for `days` days. */
export async function grantSchoolPlan(organizationId: number, days = 30) {
  const now = Date.now();
  return grantEntitlement({
    organizationId,
    productCode: "school.plan.month",
    unitsTotal: 0,
    validFrom: new Date(now - 86_400_000),
    validUntil: new Date(now + days * 86_400_000),
  });
}

/** A verified school with a paid plan, and its people as actors. */
export async function createSchool(): Promise<SchoolFixture> {
  const [owner, manager, observer, a, b] = await Promise.all(
    Array.from({ length: 5 }, () => createUser({ isSeeker: false, name: "Сотрудник Автошколы" })),
  );
  const org = await createVerifiedOrganization("DRIVING_SCHOOL", [
    { userId: owner!.id, role: "OWNER" },
    { userId: manager!.id, role: "MANAGER" },
    { userId: observer!.id, role: "OBSERVER" },
    { userId: a!.id, role: "INSTRUCTOR" },
    { userId: b!.id, role: "INSTRUCTOR" },
  ]);
  await grantSchoolPlan(org.id);
  const membership = (userId: number) =>
    db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId, organizationId: org.id } } });
  const as = (userId: number) => ({ userId, ip: "203.0.113.9" });
  return {
    organizationId: org.id,
    owner: as(owner!.id),
    manager: as(manager!.id),
    observer: as(observer!.id),
    instructorA: { ...as(a!.id), membershipId: (await membership(a!.id)).id },
    instructorB: { ...as(b!.id), membershipId: (await membership(b!.id)).id },
    observerMembershipId: (await membership(observer!.id)).id,
  };
}

export const today = () => almatyDay(new Date());

/** A day `years` years and `days` days before today (YYYY-MM-DD). */
export function yearsAgo(years: number, days = 0): string {
  const [y, m, d] = today().split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}

export function daysFromToday(days: number): string {
  const [y, m, d] = today().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

let serial = 0;
/** A check-digit-valid IIN for the birth day and sex, different on every call. */
export function iinFor(birthDate: string, sex: "MALE" | "FEMALE" = "MALE"): string {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  serial += 7;
  return makeIin({ year, month, day }, sex === "MALE" ? "male" : "female", serial % 9000);
}

/** A valid adult trainee's form values. */
export function adultTrainee(overrides: Record<string, unknown> = {}) {
  const birthDate = (overrides.birthDate as string | undefined) ?? yearsAgo(30, 40);
  const sex = (overrides.sex as "MALE" | "FEMALE" | undefined) ?? "MALE";
  return {
    fullName: "Сериков Нурлан Болатович",
    iin: iinFor(birthDate, sex),
    birthDate,
    sex,
    phone: "8 701 234 56 78",
    email: "nurlan@example.kz",
    category: "B" as const,
    groupId: null,
    guardian: null,
    ...overrides,
  };
}

/** How many rows the registry's tables hold: "writes nothing" compares two of these. */
export async function registryCounts() {
  const [groups, trainees, history, audit] = await Promise.all([
    db.schoolGroup.count(),
    db.trainee.count(),
    db.traineeStatusChange.count(),
    db.auditLog.count({ where: { action: { startsWith: "school." } } }),
  ]);
  return { groups, trainees, history, audit };
}
