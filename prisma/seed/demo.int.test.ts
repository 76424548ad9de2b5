import { beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@/server/services/auth/password";

import { testDb } from "../../test/integration/database";
import { CITIES } from "./data/cities";
import { ORGANIZATIONS } from "./data/organizations";
import { DEMO_PASSWORD, seedDemo, type SeedDemoResult } from "./demo";
import { seedDemoCredits } from "./demo-billing";
import { DEMO_GRADUATE_EMAIL, seedDemoSchool } from "./demo-school";
import { isValidKzIdentifier } from "@/lib/kz-identifiers";

const NOW = new Date("2026-11-20T06:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const LATIN = /[A-Za-z]/;

async function tableCounts() {
  const db = testDb();
  return {
    regions: await db.region.count(),
    cities: await db.city.count(),
    specializations: await db.specialization.count(),
    legalDocuments: await db.legalDocument.count(),
    users: await db.user.count(),
    credentials: await db.credential.count(),
    acceptances: await db.legalAcceptance.count(),
    consents: await db.consent.count(),
    organizations: await db.organization.count(),
    memberships: await db.membership.count(),
    resumes: await db.resume.count(),
    vacancies: await db.vacancy.count(),
    vacancySpecializations: await db.vacancySpecialization.count(),
  };
}

describe("seedDemo", () => {
  let results: SeedDemoResult[];

  beforeAll(async () => {
    // Two seeders at once, as when two app instances start together: exactly one inserts.
    results = await Promise.all([seedDemo(testDb(), { now: NOW }), seedDemo(testDb(), { now: NOW })]);
  });

  it("seeds once even when started twice concurrently", () => {
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    for (const r of results) {
      expect(r.accounts.map((a) => a.role)).toEqual(["seeker", "employer", "school", "admin"]);
      expect(r.accounts.every((a) => a.password === DEMO_PASSWORD)).toBe(true);
    }
  });

  it("inserts the 20 administrative units with the three cities first", async () => {
    const regions = await testDb().region.findMany({ orderBy: { sortOrder: "asc" } });
    expect(regions).toHaveLength(20);
    expect(
      regions
        .slice(0, 3)
        .map((r) => r.slug)
        .sort(),
    ).toEqual(["almaty", "astana", "shymkent"]);
    expect(regions.map((r) => r.slug)).toEqual(expect.arrayContaining(["abai-region", "jetisu-region", "ulytau-region"]));
  });

  it("puts every city in an existing region and every region has a city", async () => {
    const db = testDb();
    const cities = await db.city.findMany({ include: { region: true } });
    expect(cities).toHaveLength(CITIES.length);
    for (const city of cities) expect(city.region.id).toBe(city.regionId);
    const regionsWithoutCities = await db.region.count({ where: { cities: { none: {} } } });
    expect(regionsWithoutCities).toBe(0);
  });

  it("builds a two-level specialization tree with driver categories", async () => {
    const all = await testDb().specialization.findMany();
    const groups = all.filter((s) => s.parentId === null);
    const children = all.filter((s) => s.parentId !== null);
    const groupIds = new Set(groups.map((g) => g.id));
    expect(groups.length).toBeGreaterThanOrEqual(15);
    expect(children.length).toBeGreaterThanOrEqual(150);
    for (const child of children) expect(groupIds.has(child.parentId as number)).toBe(true);
    for (const group of groups) expect(children.some((c) => c.parentId === group.id)).toBe(true);
    const categories = children.flatMap((c) => (c.licenceCategory ? [c.licenceCategory] : []));
    expect(categories).toEqual(expect.arrayContaining(["A", "B", "BE", "C", "C1", "CE", "D", "D1", "DE", "TM", "TB"]));
  });

  it("writes Kazakh names in Cyrillic only (licence category codes aside)", async () => {
    const db = testDb();
    const names = [
      ...(await db.region.findMany()).map((r) => r.nameKk),
      ...(await db.city.findMany()).map((c) => c.nameKk),
      ...(await db.specialization.findMany()).map((s) =>
        s.licenceCategory ? s.nameKk.replace(/\b(?:[A-D]1?E?|Tm|Tb)\b/, "") : s.nameKk,
      ),
    ];
    expect(names.filter((n) => LATIN.test(n))).toEqual([]);
    expect(names.every((n) => /[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(n))).toBe(true);
  });

  it("gives every organisation a valid BIN, or an IIN for the private recruiter", async () => {
    const orgs = await testDb().organization.findMany();
    expect(orgs).toHaveLength(ORGANIZATIONS.length);
    for (const org of orgs) {
      const id = org.type === "PRIVATE_RECRUITER" ? org.iin : org.bin;
      expect(id, org.slug).not.toBeNull();
      expect(isValidKzIdentifier(id ?? ""), `${org.slug} ${id}`).toBe(true);
      expect(org.phone).toMatch(/^\+77\d{9}$/);
    }
    const schools = orgs.filter((o) => o.type === "DRIVING_SCHOOL");
    expect(schools).toHaveLength(2);
    expect(new Set(schools.map((s) => s.cityId)).size).toBe(2);
    expect(orgs.filter((o) => o.verification === "UNVERIFIED")).toHaveLength(1);
    expect(await testDb().membership.count({ where: { role: "OWNER" } })).toBe(orgs.length);
  });

  it("publishes a few hundred vacancies in both languages with consistent dates", async () => {
    const vacancies = await testDb().vacancy.findMany({ include: { specializations: true } });
    expect(vacancies.length).toBeGreaterThanOrEqual(300);
    const kk = vacancies.filter((v) => v.language === "kk").length / vacancies.length;
    expect(kk).toBeGreaterThan(0.2);
    expect(kk).toBeLessThan(0.4);
    const published = vacancies.filter((v) => v.status === "PUBLISHED");
    expect(published.length / vacancies.length).toBeGreaterThan(0.7);
    for (const v of published) {
      const publishedAt = v.publishedAt as Date;
      expect(NOW.getTime() - publishedAt.getTime()).toBeLessThan(30 * DAY_MS);
      expect(v.expiresAt?.getTime()).toBe(publishedAt.getTime() + 30 * DAY_MS);
      if (v.publicationType === "PREMIUM") expect(v.premiumUntil?.getTime()).toBe(publishedAt.getTime() + 7 * DAY_MS);
    }
    for (const type of ["PREMIUM", "ANONYMOUS", "CLOSED"] as const)
      expect(published.some((v) => v.publicationType === type)).toBe(true);
    for (const v of vacancies) {
      expect(v.specializations.length).toBeGreaterThanOrEqual(1);
      expect(v.specializations.length).toBeLessThanOrEqual(3);
      expect(v.description.replace(/<[^>]+>/g, "").length).toBeGreaterThanOrEqual(200);
      expect(v.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      if (v.publicationType === "ANONYMOUS") expect(v.companyDescription).toBeTruthy();
    }
  });

  it("creates the demo accounts ready to sign in", async () => {
    const db = testDb();
    const include = {
      credential: true,
      legalAcceptances: { include: { document: true } },
      consents: true,
      memberships: { include: { organization: true } },
    };
    const seeker = await db.user.findUniqueOrThrow({
      where: { email: "seeker@demo.jumys.kz" },
      include: { ...include, city: true, resumes: { include: { licences: true } } },
    });
    const employer = await db.user.findUniqueOrThrow({ where: { email: "employer@demo.jumys.kz" }, include });
    const school = await db.user.findUniqueOrThrow({ where: { email: "school@demo.jumys.kz" }, include });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.jumys.kz" }, include });

    for (const user of [seeker, employer, school, admin]) {
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(user.adultDeclaredAt).not.toBeNull();
      expect(await verifyPassword(user.credential?.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
      expect(user.legalAcceptances.map((a) => `${a.document.kind}:${a.document.version}`).sort()).toEqual([
        "PRIVACY:1",
        "TERMS:1",
      ]);
      expect(user.consents.some((c) => c.purpose === "PROCESSING" && c.granted)).toBe(true);
    }
    expect(seeker.isSeeker).toBe(true);
    expect(seeker.phone).toBe("+77011234567");
    expect(seeker.city?.slug).toBe("almaty");
    expect(seeker.resumes[0]?.licences.map((l) => l.category).sort()).toEqual(["B", "C"]);
    expect(employer.memberships.map((m) => [m.role, m.organization.type])).toEqual([["OWNER", "EMPLOYER"]]);
    expect(school.memberships.map((m) => [m.role, m.organization.type])).toEqual([["OWNER", "DRIVING_SCHOOL"]]);
    expect(admin.staffRole).toBe("SUPERADMIN");
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const result = await seedDemo(testDb(), { now: new Date() });
    expect(result.seeded).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });

  it("buys the demo employer and school 365-day publication credits from a credited balance, once", async () => {
    const db = testDb();
    expect(await seedDemoCredits(db)).toBe(2);
    const owned = await db.organization.findMany({
      where: {
        memberships: { some: { role: "OWNER", user: { email: { in: ["employer@demo.jumys.kz", "school@demo.jumys.kz"] } } } },
      },
      select: {
        id: true,
        billingAccount: { select: { balanceTiyn: true } },
        type: true,
        entitlements: { select: { kind: true, publicationType: true, unitsTotal: true, validFrom: true, validUntil: true } },
        orders: { select: { status: true, paymentMethod: true } },
      },
    });
    expect(owned).toHaveLength(2);
    for (const org of owned) {
      const credits = org.entitlements.filter((e) => e.kind === "VACANCY_PUBLICATION");
      expect(credits.map((e) => [e.publicationType, e.unitsTotal]).sort()).toEqual([
        ["ANONYMOUS", 10],
        ["PREMIUM", 10],
        ["STANDARD", 20],
      ]);
      for (const e of credits) expect(e.validUntil.getTime() - e.validFrom.getTime()).toBe(365 * 86_400_000);
      // The demo school's registry is writable for a year: twelve plan months laid end to end.
      const plan = org.entitlements.filter((e) => e.kind === "SCHOOL_PLAN");
      expect(plan).toHaveLength(org.type === "DRIVING_SCHOOL" ? 1 : 0);
      for (const e of plan) expect(e.validUntil.getTime() - e.validFrom.getTime()).toBe(12 * 30 * 86_400_000);
      const entries = await db.ledgerEntry.findMany({
        where: { organizationId: org.id },
        orderBy: { id: "asc" },
        select: { kind: true },
      });
      expect(entries.map((e) => e.kind)).toEqual(["ADJUSTMENT", "PURCHASE"]);
      expect(org.billingAccount?.balanceTiyn).toBe(0n);
      expect(org.orders).toEqual([{ status: "ACTIVATED", paymentMethod: "BALANCE" }]);
    }
    expect(await seedDemoCredits(db)).toBe(0);
  });

  it("gives the demo school a year's plan, groups, valid synthetic trainees and one graduate invited to claim, once", async () => {
    const db = testDb();
    expect(await seedDemoSchool(db)).toBe(true);
    const school = await db.organization.findFirstOrThrow({
      where: { type: "DRIVING_SCHOOL", memberships: { some: { role: "OWNER", user: { email: "school@demo.jumys.kz" } } } },
      select: {
        id: true,
        entitlements: { where: { kind: "SCHOOL_PLAN" }, select: { validFrom: true, validUntil: true } },
        schoolGroups: { select: { category: true } },
        trainees: { select: { iin: true, status: true, email: true } },
      },
    });
    expect(school.entitlements).toHaveLength(1);
    expect(school.entitlements[0]!.validUntil.getTime()).toBeGreaterThan(Date.now() + 300 * DAY_MS);
    expect(school.schoolGroups.map((g) => g.category).sort()).toEqual(["B", "C"]);
    expect(school.trainees).toHaveLength(20);
    expect(school.trainees.every((t) => isValidKzIdentifier(t.iin))).toBe(true);
    expect(school.trainees.filter((t) => t.status === "GRADUATED").map((t) => t.email)).toEqual([DEMO_GRADUATE_EMAIL]);
    const invitation = await db.graduateInvitation.findFirstOrThrow({ where: { email: DEMO_GRADUATE_EMAIL } });
    expect(invitation.sentAt).not.toBeNull();
    const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: DEMO_GRADUATE_EMAIL } });
    expect(mail.text).toMatch(/\/graduate\/[A-Za-z0-9_-]{40,}/);

    expect(await seedDemoSchool(db)).toBe(false);
    expect(await db.trainee.count({ where: { organizationId: school.id } })).toBe(20);
    expect(await db.emailMessage.count({ where: { toAddress: DEMO_GRADUATE_EMAIL } })).toBe(1);
  });
});
