import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { makeBin, makeIin } from "@/lib/kz-identifiers";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization as createOrgRow, createUser } from "../../../../test/support/factories";
import { decideVerification, listOrganizationsToVerify } from "../admin/organizations";
import { createOrganization } from "../organizations/manage-organization";
import { getPublicOrganization, publicOrganizationExists } from "../organizations/public-organization";

import { listSchoolCourses, saveSchoolCourses } from "./school-courses";
import {
  categoryFromSlug,
  DIRECTORY_PAGE_SIZE,
  directoryCategories,
  directoryCities,
  getSchoolPageDetails,
  listDirectorySchools,
} from "./school-directory";

let serial = 41_000;
const nextBin = () => makeBin({ year: 2018, month: 4 }, serial++);
const actorOf = (userId: number) => ({ userId, ip: "127.0.0.1" });

const errorKey = async (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

let cityA: { id: number; slug: string };
let cityB: { id: number; slug: string };
let owner: { id: number };
let staff: { id: number };

const schoolInput = (overrides: Record<string, unknown> = {}) => ({
  type: "DRIVING_SCHOOL" as const,
  legalName: "ТОО «Автошкола Жол»",
  displayName: "Автошкола Жол",
  identifier: nextBin(),
  email: "info@zhol.kz",
  phone: "+7 701 234 56 78",
  website: "",
  cityId: cityA.id,
  address: "ул. Абая, 10",
  description: "",
  educationLicence: "KZ12LAA00012345",
  ...overrides,
});

/** A public (verified) school in the city, with these courses. */
async function publicSchool(cityId: number, courses: { category: "B" | "C" | "CE" | "A"; priceKzt: number }[], name?: string) {
  const org = await createOrgRow("DRIVING_SCHOOL");
  await db.organization.update({
    where: { id: org.id },
    data: { verification: "VERIFIED", cityId, ...(name ? { displayName: name } : {}) },
  });
  if (courses.length) {
    await db.schoolCourse.createMany({
      data: courses.map((c) => ({ organizationId: org.id, durationHours: 100, ...c })),
    });
  }
  return org;
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: `school-region-${serial}`, nameRu: "Область", nameKk: "Облыс" } });
  const city = (slug: string) =>
    db.city.create({ data: { regionId: region.id, slug, nameRu: slug, nameKk: slug }, select: { id: true, slug: true } });
  cityA = await city(`schools-a-${Date.now()}`);
  cityB = await city(`schools-b-${Date.now()}`);
  owner = await createUser();
  staff = await createUser({ staffRole: "MODERATOR" });
});

describe("registration as a driving school", () => {
  it("registers a pending school with its BIN, city, address and licence, and puts it in the operators' queue", async () => {
    const input = schoolInput();
    const org = await createOrganization(input, actorOf(owner.id));
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row).toMatchObject({
      type: "DRIVING_SCHOOL",
      bin: input.identifier,
      iin: null,
      cityId: cityA.id,
      address: "ул. Абая, 10",
      educationLicence: "KZ12LAA00012345",
      verification: "PENDING",
    });
    expect((await listOrganizationsToVerify()).map((o) => o.id)).toContain(org.id);
    // Not public until an operator verifies it.
    expect(await getPublicOrganization(org.id, "school")).toBeNull();
    await decideVerification({ organizationId: org.id, decision: "VERIFIED" }, actorOf(staff.id));
    expect(await publicOrganizationExists(org.id, "school")).toBe(true);
    expect(await publicOrganizationExists(org.id, "company")).toBe(false);
    await db.organization.update({ where: { id: org.id }, data: { blockedAt: new Date() } });
    expect(await publicOrganizationExists(org.id, "school")).toBe(false);
  });

  it("refuses a school without a city or an address, a bad BIN or a too long licence, writing nothing", async () => {
    const before = await db.organization.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ cityId: null }, "validation.schoolProfile.cityRequired"],
      [{ address: "  " }, "validation.schoolProfile.addressRequired"],
      [{ identifier: "123456789012" }, "validation.identifierCheckDigit"],
      [{ identifier: "12345" }, "validation.identifierFormat"],
      [{ educationLicence: "x".repeat(61) }, "validation.schoolProfile.licenceTooLong"],
    ];
    for (const [overrides, key] of cases) {
      expect(await errorKey(createOrganization(schoolInput(overrides), actorOf(owner.id)))).toBe(key);
    }
    expect(await db.organization.count()).toBe(before);
  });

  it("keeps the employers' registration as it was: no city needed, no licence stored", async () => {
    const org = await createOrganization(
      { ...schoolInput({ type: "EMPLOYER", cityId: null, address: "" }), educationLicence: "ignored" },
      actorOf(owner.id),
    );
    const row = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row).toMatchObject({ type: "EMPLOYER", cityId: null, educationLicence: null });
  });
});

describe("school courses", () => {
  it("replaces the list and reads it back in the law's order", async () => {
    const school = await createOrgRow("DRIVING_SCHOOL");
    const actor = actorOf(owner.id);
    await saveSchoolCourses(
      school.id,
      [
        { category: "CE", priceKzt: 320_000, durationHours: 200 },
        { category: "B", priceKzt: 180_000, durationHours: 130 },
      ],
      actor,
    );
    expect(await listSchoolCourses(school.id)).toEqual([
      { category: "B", priceKzt: 180_000, durationHours: 130 },
      { category: "CE", priceKzt: 320_000, durationHours: 200 },
    ]);
    await saveSchoolCourses(school.id, [{ category: "TM", priceKzt: 90_000, durationHours: 60 }], actor);
    expect(await listSchoolCourses(school.id)).toEqual([{ category: "TM", priceKzt: 90_000, durationHours: 60 }]);
    const audit = await db.auditLog.findFirst({
      where: { action: "school.courses.update", entityId: String(school.id) },
      orderBy: { id: "desc" },
    });
    expect(audit?.data).toEqual({ categories: ["TM"] });
  });

  it("refuses every bad list with a translated key and leaves the courses as they were", async () => {
    const school = await createOrgRow("DRIVING_SCHOOL");
    const actor = actorOf(owner.id);
    const kept = [{ category: "B" as const, priceKzt: 180_000, durationHours: 130 }];
    await saveSchoolCourses(school.id, kept, actor);
    const good = { category: "C", priceKzt: 250_000, durationHours: 190 };
    const cases: [unknown, string][] = [
      [[good, { ...good, priceKzt: 260_000 }], "validation.schoolProfile.categoryRepeated"],
      [[{ ...good, priceKzt: 0 }], "validation.schoolProfile.priceInvalid"],
      [[{ ...good, priceKzt: 1500.5 }], "validation.schoolProfile.priceInvalid"],
      [[{ ...good, priceKzt: Number.NaN }], "validation.schoolProfile.priceInvalid"],
      [[{ ...good, priceKzt: 10_000_001 }], "validation.schoolProfile.priceTooHigh"],
      [[{ ...good, durationHours: 0 }], "validation.schoolProfile.hoursInvalid"],
      [[{ ...good, durationHours: "40" }], "validation.schoolProfile.hoursInvalid"],
      [[{ ...good, durationHours: 2001 }], "validation.schoolProfile.hoursTooHigh"],
      [[{ ...good, category: "Z" }], "validation.required"],
    ];
    for (const [courses, key] of cases) expect(await errorKey(saveSchoolCourses(school.id, courses, actor))).toBe(key);
    expect(await listSchoolCourses(school.id)).toEqual(kept);
  });
});

describe("school directory", () => {
  it("lists public schools of a city, by category, without unverified, blocked or other cities' schools", async () => {
    const both = await publicSchool(
      cityA.id,
      [
        { category: "B", priceKzt: 150_000 },
        { category: "C", priceKzt: 250_000 },
      ],
      "А-школа",
    );
    const onlyB = await publicSchool(cityA.id, [{ category: "B", priceKzt: 170_000 }], "Б-школа");
    const unverified = await publicSchool(cityA.id, [{ category: "C", priceKzt: 1 }]);
    await db.organization.update({ where: { id: unverified.id }, data: { verification: "PENDING" } });
    const blocked = await publicSchool(cityA.id, [{ category: "C", priceKzt: 1 }]);
    await db.organization.update({ where: { id: blocked.id }, data: { blockedAt: new Date() } });
    await publicSchool(cityB.id, [{ category: "C", priceKzt: 200_000 }]);

    const inCity = await listDirectorySchools({ cityId: cityA.id });
    const ids = inCity.items.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([both.id, onlyB.id]));
    expect(ids).not.toContain(unverified.id);
    expect(ids).not.toContain(blocked.id);
    const categoryC = await listDirectorySchools({ cityId: cityA.id, category: "C" });
    expect(categoryC.items.map((s) => s.id)).toEqual([both.id]);
    expect(categoryC.items[0]?.courses.map((c) => c.category)).toEqual(["B", "C"]);
    expect(categoryC.total).toBe(1);

    const categories = await directoryCategories(cityA.id);
    expect(categories.find((c) => c.category === "B")?.schools).toBe(2);
    expect(categories.find((c) => c.category === "C")?.schools).toBe(1);
    const cities = await directoryCities();
    expect(cities.find((c) => c.cityId === cityB.id)?.schools).toBe(1);
  });

  it("pages by name", async () => {
    const region = await db.region.findFirstOrThrow({
      where: { id: (await db.city.findUniqueOrThrow({ where: { id: cityA.id } })).regionId },
    });
    const city = await db.city.create({
      data: { regionId: region.id, slug: `schools-paged-${Date.now()}`, nameRu: "П", nameKk: "П" },
    });
    for (let i = 0; i < DIRECTORY_PAGE_SIZE + 1; i++) {
      await publicSchool(city.id, [{ category: "A", priceKzt: 100_000 }], `Школа ${String(i).padStart(2, "0")}`);
    }
    const first = await listDirectorySchools({ cityId: city.id, category: "A" });
    const second = await listDirectorySchools({ cityId: city.id, category: "A", page: 2 });
    expect(first).toMatchObject({ total: DIRECTORY_PAGE_SIZE + 1, pages: 2, page: 1 });
    expect(first.items).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(first.items[0]?.displayName).toBe("Школа 00");
    expect(second.items.map((s) => s.displayName)).toEqual([`Школа ${DIRECTORY_PAGE_SIZE}`]);
  });

  it("reads a category from its address in lower case only", () => {
    expect(categoryFromSlug("c1e")).toBe("C1E");
    expect(categoryFromSlug("tb")).toBe("TB");
    expect(categoryFromSlug("C")).toBeNull();
    expect(categoryFromSlug("с")).toBeNull(); // Cyrillic "с"
    expect(categoryFromSlug("x")).toBeNull();
  });
});

describe("a school's page details", () => {
  it("counts graduates per certificate year and never names them", async () => {
    const school = await publicSchool(cityA.id, [{ category: "B", priceKzt: 180_000 }]);
    const trainee = (n: number, status: "GRADUATED" | "STUDYING", certificateDate: string | null) =>
      db.trainee.create({
        data: {
          organizationId: school.id,
          fullName: `Выпускник ${n}`,
          iin: makeIin({ year: 1990, month: 1, day: 10 + n }, "male", 100 + n),
          birthDate: new Date(`1990-01-${10 + n}`),
          sex: "MALE",
          category: "B",
          status,
          certificateNumber: certificateDate ? `CERT-${n}` : null,
          certificateDate: certificateDate ? new Date(certificateDate) : null,
        },
      });
    await trainee(1, "GRADUATED", "2025-03-01");
    await trainee(2, "GRADUATED", "2025-11-20");
    await trainee(3, "GRADUATED", "2026-02-14");
    await trainee(4, "STUDYING", null);
    const details = await getSchoolPageDetails(school.id);
    expect(details?.graduatesByYear).toEqual([
      { year: 2026, graduates: 1 },
      { year: 2025, graduates: 2 },
    ]);
    expect(JSON.stringify(details)).not.toContain("Выпускник");
    expect(details?.courses).toEqual([{ category: "B", priceKzt: 180_000, durationHours: 100 }]);
  });

  it("is null for a school that is not public", async () => {
    const school = await createOrgRow("DRIVING_SCHOOL");
    expect(await getSchoolPageDetails(school.id)).toBeNull();
  });
});
