import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { grantEntitlement } from "../../../../test/support/factories";
import {
  adultTrainee,
  createSchool,
  grantSchoolPlan,
  registryCounts,
  type SchoolFixture,
} from "../../../../test/support/school-factories";

import { changeTraineeStatus } from "./change-trainee-status";
import { createTrainee } from "./create-trainee";
import { commitTraineeImport } from "./import-trainees";
import { listTrainees } from "./list-trainees";
import { registryStatus } from "./registry-status";
import { schoolPlanUntil } from "./school-plan";

const DAY = 86_400_000;

/** Imports one valid adult from a CSV file. */
function importOne(school: SchoolFixture) {
  const t = adultTrainee();
  const day = `${t.birthDate.slice(8, 10)}.${t.birthDate.slice(5, 7)}.${t.birthDate.slice(0, 4)}`;
  const file = `ФИО;ИИН;Дата рождения;Пол;Категория\n${t.fullName};${t.iin};${day};М;B\n`;
  return commitTraineeImport(school.owner, school.organizationId, new TextEncoder().encode(file));
}

/** Ends every plan period of the school (as if the month had run out). */
async function lapse(organizationId: number) {
  await db.entitlement.updateMany({
    where: { organizationId, kind: "SCHOOL_PLAN" },
    data: { validFrom: new Date(Date.now() - 40 * DAY), validUntil: new Date(Date.now() - DAY) },
  });
}

describe("the school's monthly plan", () => {
  it("runs to the end of its periods laid end to end; a forfeited or future-only period does not count", async () => {
    const school = await createSchool();
    const now = new Date();
    const first = await db.entitlement.findFirstOrThrow({
      where: { organizationId: school.organizationId, kind: "SCHOOL_PLAN" },
    });
    const next = await grantEntitlement({
      organizationId: school.organizationId,
      productCode: "school.plan.month",
      unitsTotal: 0,
      validFrom: first.validUntil,
      validUntil: new Date(first.validUntil.getTime() + 30 * DAY),
    });
    expect(await schoolPlanUntil(db, school.organizationId, now)).toEqual(new Date(first.validUntil.getTime() + 30 * DAY));

    await db.entitlement.update({ where: { id: next.id }, data: { forfeitedAt: now } });
    expect(await schoolPlanUntil(db, school.organizationId, now)).toEqual(first.validUntil);

    await lapse(school.organizationId);
    expect(await schoolPlanUntil(db, school.organizationId, now)).toBeNull();
    // A period that starts later does not make the school writable today.
    await grantEntitlement({
      organizationId: school.organizationId,
      productCode: "school.plan.month",
      unitsTotal: 0,
      validFrom: new Date(now.getTime() + 5 * DAY),
      validUntil: new Date(now.getTime() + 35 * DAY),
    });
    expect(await schoolPlanUntil(db, school.organizationId, now)).toBeNull();
  });

  it("without it the registry is read-only: writes are refused and write nothing, reading goes on", async () => {
    const school = await createSchool();
    const trainee = await createTrainee(school.owner, school.organizationId, adultTrainee());
    expect(await registryStatus(school.manager, school.organizationId)).toMatchObject({
      role: "MANAGER",
      canWrite: true,
      readOnlyReason: null,
    });
    expect(await registryStatus(school.instructorA, school.organizationId)).toMatchObject({
      canWrite: false,
      readOnlyReason: null,
    });

    await lapse(school.organizationId);
    const before = await registryCounts();
    await expect(createTrainee(school.owner, school.organizationId, adultTrainee())).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.school.noPlan",
    });
    await expect(
      changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "STUDYING" }),
    ).rejects.toMatchObject({ messageKey: "errors.school.noPlan" });
    await expect(importOne(school)).rejects.toMatchObject({ messageKey: "errors.school.noPlan" });
    expect(await registryCounts()).toEqual(before);
    expect(await registryStatus(school.owner, school.organizationId)).toMatchObject({
      canWrite: false,
      readOnlyReason: "noPlan",
      planUntil: null,
    });
    await expect(listTrainees(school.observer, school.organizationId, {})).resolves.toMatchObject({ total: 1 });

    await grantSchoolPlan(school.organizationId);
    expect(await registryStatus(school.owner, school.organizationId)).toMatchObject({ canWrite: true, readOnlyReason: null });
    await expect(importOne(school)).resolves.toMatchObject({ imported: 1 });
    await expect(createTrainee(school.owner, school.organizationId, adultTrainee())).resolves.toMatchObject({
      status: "ENROLLED",
    });
  });

  it("says a blocked or unverified school is read-only before it says the plan", async () => {
    const school = await createSchool();
    await db.organization.update({ where: { id: school.organizationId }, data: { verification: "PENDING" } });
    expect(await registryStatus(school.owner, school.organizationId)).toMatchObject({ readOnlyReason: "notVerified" });
    await db.organization.update({
      where: { id: school.organizationId },
      data: { verification: "VERIFIED", blockedAt: new Date(), blockReason: "Проверка" },
    });
    expect(await registryStatus(school.owner, school.organizationId)).toMatchObject({
      readOnlyReason: "blocked",
      canWrite: false,
    });
  });
});
