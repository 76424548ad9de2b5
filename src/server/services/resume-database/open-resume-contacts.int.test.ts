import { beforeAll, describe, expect, it } from "vitest";

import { almatyDay } from "@/lib/almaty-time";
import { ONE_DAY_ACCESS_OPENINGS } from "@/lib/resume-database";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";

import { createBillingProduct, createBuyer, createUser, grantEntitlement } from "../../../../test/support/factories";

import { openResumeContacts } from "./open-resume-contacts";
import { refreshResumeSearch } from "./resume-search-index";
import { searchResumes } from "./search-resumes";
import { resumeOpeningStatus } from "./opening-status";
import { listResumeOpenings } from "./openings-log";
import { hideMyResumesFromOrganization, listMyResumeOpenings } from "./seeker-openings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-12-10T06:00:00Z");

let regionId = 0;
let otherRegionId = 0;
let cityId = 0;
let groupSpecId = 0;
let specId = 0;
let otherSpecId = 0;
let accessCode = "";
let packCode = "";

type Buyer = Awaited<ReturnType<typeof createBuyer>>;

const outcome = (run: () => Promise<unknown>) =>
  run().then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : `unexpected: ${String(e)}`),
  );

async function newResume(
  options: {
    visibility?: "ALL" | "ALL_EXCEPT" | "APPLIED_ONLY" | "HIDDEN";
    cityId?: number | null;
    specs?: number[];
    relocation?: number[];
    seekerId?: number;
  } = {},
) {
  const seekerId = options.seekerId ?? (await createUser({ isSeeker: true, name: "Айдос Серикбаев" })).id;
  return db.resume.create({
    data: {
      userId: seekerId,
      title: "Водитель категории C",
      cityId: options.cityId === undefined ? cityId : options.cityId,
      visibility: options.visibility ?? "ALL",
      specializations: { create: (options.specs ?? [specId]).map((specializationId) => ({ specializationId })) },
      relocationRegions: { create: (options.relocation ?? []).map((id) => ({ regionId: id })) },
    },
    select: { id: true, publicId: true, userId: true },
  });
}

function grantAccess(
  buyer: Buyer,
  options: { units?: number; days?: number; regionId?: number; specializationId?: number | null; from?: Date } = {},
) {
  const validFrom = options.from ?? new Date(NOW.getTime() - HOUR);
  return grantEntitlement({
    organizationId: buyer.organizationId,
    productCode: accessCode,
    unitsTotal: options.units ?? 10,
    validFrom,
    validUntil: new Date(validFrom.getTime() + (options.days ?? 7) * DAY),
    regionId: options.regionId ?? regionId,
    specializationId: options.specializationId ?? null,
  });
}

function grantPack(buyer: Buyer, units: number, validUntil: Date, options: { regionId?: number } = {}) {
  return grantEntitlement({
    organizationId: buyer.organizationId,
    productCode: packCode,
    unitsTotal: units,
    validFrom: new Date(NOW.getTime() - HOUR),
    validUntil,
    regionId: options.regionId ?? regionId,
  });
}

/** Everything an opening writes, for "wrote nothing" checks. */
async function footprint(organizationId: number) {
  const [openings, units, days, memberDays] = await Promise.all([
    db.resumeOpening.count({ where: { organizationId } }),
    db.entitlement.aggregate({ where: { organizationId }, _sum: { unitsUsed: true } }),
    db.resumeOpeningDay.findMany({ where: { organizationId }, select: { day: true, openings: true } }),
    db.resumeOpeningMemberDay.findMany({ where: { organizationId }, select: { userId: true, openings: true } }),
  ]);
  return { openings, unitsUsed: units._sum.unitsUsed ?? 0, days, memberDays };
}

const unitsUsed = async (id: number) => (await db.entitlement.findUniqueOrThrow({ where: { id } })).unitsUsed;

async function applyTo(organizationId: number, seekerId: number, resumeId: number) {
  const vacancy = await db.vacancy.create({
    data: {
      organizationId,
      title: "Водитель",
      slug: "voditel",
      description: "<p>Описание.</p>",
      cityId,
      status: "PUBLISHED",
      publishedAt: NOW,
      expiresAt: new Date(NOW.getTime() + DAY),
    },
  });
  await db.application.create({ data: { vacancyId: vacancy.id, seekerId, resumeId } });
}

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "ropen-region", nameRu: "Карагандинская область", nameKk: "Қарағанды облысы" },
  });
  regionId = region.id;
  otherRegionId = (
    await db.region.create({ data: { slug: "ropen-other", nameRu: "Атырауская область", nameKk: "Атырау облысы" } })
  ).id;
  cityId = (await db.city.create({ data: { regionId, slug: "ropen-city", nameRu: "Караганда", nameKk: "Қарағанды" } })).id;
  groupSpecId = (await db.specialization.create({ data: { slug: "ropen-transport", nameRu: "Транспорт", nameKk: "Көлік" } })).id;
  specId = (
    await db.specialization.create({
      data: { slug: "ropen-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: groupSpecId },
    })
  ).id;
  otherSpecId = (
    await db.specialization.create({ data: { slug: "ropen-cook", nameRu: "Повар", nameKk: "Аспаз", parentId: groupSpecId } })
  ).id;
  accessCode = (await createBillingProduct({ kind: "RESUME_ACCESS", priceTiyn: 100_000n, accessDays: 7, units: 10 })).code;
  packCode = (await createBillingProduct({ kind: "CONTACT_VIEWS", priceTiyn: 50_000n, units: 100 })).code;
});

describe("opening a resume's contacts", () => {
  it("takes one contact view, records the opening, counts it for the day and shows the contacts", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer);
    const resume = await newResume();
    const before = await getResumeForOrganization(buyer.organizationId, resume.publicId, NOW);
    expect(before.contacts).toBeNull();
    expect(before.seeker.email).toBeNull();

    await expect(openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW)).resolves.toEqual({
      kind: "PAID",
      viewsLeft: 9,
    });
    expect(await unitsUsed(access.id)).toBe(1);
    const opening = await db.resumeOpening.findFirstOrThrow({ where: { organizationId: buyer.organizationId } });
    expect(opening).toMatchObject({
      userId: buyer.manager.userId,
      resumeId: resume.id,
      accessId: access.id,
      entitlementId: access.id,
      kind: "PAID",
      openedAt: NOW,
    });
    const seen = await getResumeForOrganization(buyer.organizationId, resume.publicId, NOW);
    expect(seen.contacts).toBe("OPENED");
    expect(seen.seeker.email).toMatch(/@example\.kz$/);
    expect(seen.seeker.name).toBe("Айдос Серикбаев");
    const day = new Date(`${almatyDay(NOW)}T00:00:00Z`);
    expect((await footprint(buyer.organizationId)).days).toEqual([{ day, openings: 1 }]);
    expect((await footprint(buyer.organizationId)).memberDays).toEqual([{ userId: buyer.manager.userId, openings: 1 }]);
  });

  it("re-opens for free during the same access, for any member, and records it", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer);
    const resume = await newResume();
    await openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW);
    const later = new Date(NOW.getTime() + 2 * DAY);
    await expect(openResumeContacts(buyer.owner, buyer.organizationId, resume.publicId, later)).resolves.toEqual({
      kind: "REOPEN",
      viewsLeft: 9,
    });
    expect(await unitsUsed(access.id)).toBe(1);
    const rows = await db.resumeOpening.findMany({ where: { organizationId: buyer.organizationId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.kind, r.accessId, r.entitlementId])).toEqual([
      ["PAID", access.id, access.id],
      ["REOPEN", access.id, null],
    ]);
    expect((await footprint(buyer.organizationId)).days.map((d) => d.openings)).toEqual([1]);
  });

  it("opens an applicant's resume for free, with no access at all (H 17.19)", async () => {
    const buyer = await createBuyer();
    const resume = await newResume({ visibility: "APPLIED_ONLY" });
    await applyTo(buyer.organizationId, resume.userId, resume.id);
    await expect(openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW)).resolves.toEqual({
      kind: "APPLICANT",
      viewsLeft: null,
    });
    const f = await footprint(buyer.organizationId);
    expect(f).toMatchObject({ openings: 1, unitsUsed: 0, days: [], memberDays: [] });
    expect((await resumeOpeningStatus(buyer.owner, buyer.organizationId, resume.publicId, NOW)).state).toBe("APPLICANT");
  });

  it("covers the resume's city region, a relocation region, all specializations, its own or its group's", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer, { regionId: otherRegionId, specializationId: groupSpecId });
    const relocating = await newResume({ relocation: [otherRegionId] });
    const staying = await newResume();
    const cook = await newResume({ specs: [otherSpecId], relocation: [otherRegionId] });
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, relocating.publicId, NOW))).toBe("ok");
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, cook.publicId, NOW))).toBe("ok");
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, staying.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.accessElsewhere",
    );

    const narrow = await createBuyer();
    await grantAccess(narrow, { specializationId: otherSpecId });
    const before = await footprint(narrow.organizationId);
    expect(await outcome(() => openResumeContacts(narrow.manager, narrow.organizationId, staying.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.accessElsewhere",
    );
    expect(await footprint(narrow.organizationId)).toEqual(before);
  });

  it("refuses without an access, and when the views are used up; writes nothing", async () => {
    const buyer = await createBuyer();
    const resume = await newResume();
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.noAccess",
    );
    expect((await resumeOpeningStatus(buyer.manager, buyer.organizationId, resume.publicId, NOW)).state).toBe("NO_ACCESS");
    const access = await grantAccess(buyer, { units: 1 });
    await openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW);
    const second = await newResume();
    const before = await footprint(buyer.organizationId);
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, second.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.noViewsLeft",
    );
    expect(await footprint(buyer.organizationId)).toEqual(before);
    expect(await unitsUsed(access.id)).toBe(1);
    expect((await resumeOpeningStatus(buyer.manager, buyer.organizationId, second.publicId, NOW)).state).toBe("NO_VIEWS_LEFT");
  });

  it("takes views from a pack once the access's own are used, and only while an access runs", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer, { units: 1, days: 2 });
    const accessEnd = new Date(NOW.getTime() - HOUR + 2 * DAY);
    // A pack that outlives the access (as if granted before a rule change): usable only while the access runs.
    const pack = await grantPack(buyer, 5, new Date(accessEnd.getTime() + 5 * DAY));
    const [a, b, c] = [await newResume(), await newResume(), await newResume()];
    await openResumeContacts(buyer.manager, buyer.organizationId, a.publicId, NOW);
    await expect(openResumeContacts(buyer.manager, buyer.organizationId, b.publicId, NOW)).resolves.toEqual({
      kind: "PAID",
      viewsLeft: 4,
    });
    expect([await unitsUsed(access.id), await unitsUsed(pack.id)]).toEqual([1, 1]);
    const afterAccess = new Date(accessEnd.getTime() + HOUR);
    const before = await footprint(buyer.organizationId);
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, c.publicId, afterAccess))).toBe(
      "CONFLICT errors.resumeDatabase.noAccess",
    );
    expect(await footprint(buyer.organizationId)).toEqual(before);
  });

  it("hides the contacts again when the access ends, even mid-session; re-opening then needs a new access", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer, { days: 1 });
    const resume = await newResume();
    await openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW);
    expect((await getResumeForOrganization(buyer.organizationId, resume.publicId, NOW)).contacts).toBe("OPENED");
    const afterEnd = new Date(NOW.getTime() + DAY);
    const seen = await getResumeForOrganization(buyer.organizationId, resume.publicId, afterEnd);
    expect(seen.contacts).toBeNull();
    expect(seen.seeker).toEqual({ name: "Айдос", email: null, phone: null });
    expect((await resumeOpeningStatus(buyer.manager, buyer.organizationId, resume.publicId, afterEnd)).state).toBe("NO_ACCESS");
    const next = await grantAccess(buyer, { from: afterEnd });
    await expect(openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, afterEnd)).resolves.toMatchObject({
      kind: "PAID",
    });
    expect(await unitsUsed(next.id)).toBe(1);
  });
});

describe("caps (H 3.5)", () => {
  const day = new Date(`${almatyDay(NOW)}T00:00:00Z`);

  it("8,000 first openings a day per organisation; re-opening stays free at the cap", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer);
    const opened = await newResume();
    await openResumeContacts(buyer.manager, buyer.organizationId, opened.publicId, NOW);
    await db.resumeOpeningDay.update({
      where: { organizationId_day: { organizationId: buyer.organizationId, day } },
      data: { openings: 7_999 },
    });
    const [a, b] = [await newResume(), await newResume()];
    expect(await outcome(() => openResumeContacts(buyer.owner, buyer.organizationId, a.publicId, NOW))).toBe("ok");
    const before = await footprint(buyer.organizationId);
    expect(await outcome(() => openResumeContacts(buyer.owner, buyer.organizationId, b.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.organizationDailyCap",
    );
    expect(await footprint(buyer.organizationId)).toEqual(before);
    expect(before.days).toEqual([{ day, openings: 8_000 }]);
    expect((await resumeOpeningStatus(buyer.owner, buyer.organizationId, b.publicId, NOW)).state).toBe("ORGANIZATION_DAILY_CAP");
    expect(await outcome(() => openResumeContacts(buyer.owner, buyer.organizationId, opened.publicId, NOW))).toBe("ok");
    // The next Almaty day starts afresh (midnight in Almaty is 19:00 UTC).
    const tomorrow = new Date("2026-12-10T19:00:00Z");
    expect(await outcome(() => openResumeContacts(buyer.owner, buyer.organizationId, b.publicId, tomorrow))).toBe("ok");
  });

  it("500 first openings a day per member; another member goes on", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer);
    await db.resumeOpeningMemberDay.create({
      data: { organizationId: buyer.organizationId, userId: buyer.manager.userId, day, openings: 499 },
    });
    const [a, b] = [await newResume(), await newResume()];
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, a.publicId, NOW))).toBe("ok");
    const before = await footprint(buyer.organizationId);
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, b.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.memberDailyCap",
    );
    expect(await footprint(buyer.organizationId)).toEqual(before);
    expect(await outcome(() => openResumeContacts(buyer.owner, buyer.organizationId, b.publicId, NOW))).toBe("ok");
  });

  it("a 1-day access opens 1,000 resumes in all, packs included", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer, { days: 1, units: ONE_DAY_ACCESS_OPENINGS });
    await grantPack(buyer, 100, new Date(NOW.getTime() - HOUR + DAY));
    const filler = await newResume();
    await db.resumeOpening.createMany({
      data: Array.from({ length: ONE_DAY_ACCESS_OPENINGS - 1 }, () => ({
        organizationId: buyer.organizationId,
        userId: buyer.owner.userId,
        resumeId: filler.id,
        accessId: access.id,
        entitlementId: access.id,
        kind: "PAID" as const,
        openedAt: NOW,
      })),
    });
    await db.entitlement.update({ where: { id: access.id }, data: { unitsUsed: ONE_DAY_ACCESS_OPENINGS } });
    const [a, b] = [await newResume(), await newResume()];
    // The access's own views are gone: the 1,000th opening takes one from the pack.
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, a.publicId, NOW))).toBe("ok");
    const before = await footprint(buyer.organizationId);
    expect(await outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, b.publicId, NOW))).toBe(
      "CONFLICT errors.resumeDatabase.oneDayAccessCap",
    );
    expect(await footprint(buyer.organizationId)).toEqual(before);
    const status = await resumeOpeningStatus(buyer.manager, buyer.organizationId, b.publicId, NOW);
    expect(status).toMatchObject({ state: "ONE_DAY_ACCESS_CAP", oneDayAccess: { used: 1_000, cap: 1_000 }, viewsLeft: 99 });
  });
});

describe("who may open, and bad input (each writes nothing)", () => {
  it("refuses an unverified or a blocked organisation, an observer, and another organisation's member", async () => {
    const resume = await newResume();
    const cases = [
      {
        buyer: await createBuyer("EMPLOYER", { verification: "PENDING" }),
        who: "manager",
        expected: "FORBIDDEN errors.resumeDatabase.notVerified",
      },
      {
        buyer: await createBuyer("EMPLOYER", { blocked: true }),
        who: "owner",
        expected: "FORBIDDEN errors.resumeDatabase.blocked",
      },
      { buyer: await createBuyer(), who: "observer", expected: "FORBIDDEN errors.resumeDatabase.observer" },
    ] as const;
    for (const { buyer, who, expected } of cases) {
      await grantAccess(buyer);
      const before = await footprint(buyer.organizationId);
      expect(await outcome(() => openResumeContacts(buyer[who], buyer.organizationId, resume.publicId, NOW))).toBe(expected);
      expect(await footprint(buyer.organizationId)).toEqual(before);
    }
    const buyer = await createBuyer();
    await grantAccess(buyer);
    const stranger = await createBuyer();
    expect(await outcome(() => openResumeContacts(stranger.owner, buyer.organizationId, resume.publicId, NOW))).toBe(
      "FORBIDDEN errors.forbidden",
    );
    expect(await outcome(() => resumeOpeningStatus(stranger.owner, buyer.organizationId, resume.publicId, NOW))).toBe(
      "FORBIDDEN errors.forbidden",
    );
    expect(await footprint(buyer.organizationId)).toMatchObject({ openings: 0, unitsUsed: 0 });
  });

  it("refuses a non-UUID, an unknown resume, a hidden one and one hidden from the organisation", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer);
    const hidden = await newResume({ visibility: "HIDDEN" });
    const except = await newResume({ visibility: "ALL_EXCEPT" });
    await db.resumeHiddenOrganization.create({ data: { resumeId: except.id, organizationId: buyer.organizationId } });
    const open = (id: string) => outcome(() => openResumeContacts(buyer.manager, buyer.organizationId, id, NOW));
    expect(await open("not-a-uuid")).toBe("VALIDATION errors.resumeDatabase.badResumeId");
    expect(await open("123")).toBe("VALIDATION errors.resumeDatabase.badResumeId");
    expect(await open("00000000-0000-4000-8000-000000000000")).toBe("NOT_FOUND errors.resumes.notFound");
    expect(await open(hidden.publicId)).toBe("NOT_FOUND errors.resumes.notFound");
    expect(await open(except.publicId)).toBe("NOT_FOUND errors.resumes.notFound");
    expect(await footprint(buyer.organizationId)).toEqual({ openings: 0, unitsUsed: 0, days: [], memberDays: [] });
  });
});

describe("concurrency", () => {
  it("50 parallel openings of different resumes against the last unit: exactly one succeeds", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer, { units: 5 });
    await db.entitlement.update({ where: { id: access.id }, data: { unitsUsed: 4 } });
    const resumes = await Promise.all(Array.from({ length: 50 }, () => newResume()));
    const outcomes = await Promise.all(
      resumes.map((r, i) =>
        outcome(() => openResumeContacts(i % 2 ? buyer.manager : buyer.owner, buyer.organizationId, r.publicId, NOW)),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "CONFLICT errors.resumeDatabase.noViewsLeft")).toHaveLength(49);
    expect(await unitsUsed(access.id)).toBe(5);
    const f = await footprint(buyer.organizationId);
    expect(f.openings).toBe(1);
    expect(f.days.map((d) => d.openings)).toEqual([1]);
    expect(f.memberDays.map((d) => d.openings)).toEqual([1]);
  });

  it("parallel first openings of one resume take one view: the others are free re-openings", async () => {
    const buyer = await createBuyer();
    const access = await grantAccess(buyer);
    const resume = await newResume();
    const kinds = await Promise.all(
      Array.from({ length: 8 }, () =>
        openResumeContacts(buyer.manager, buyer.organizationId, resume.publicId, NOW).then((r) => r.kind),
      ),
    );
    expect(kinds.filter((k) => k === "PAID")).toHaveLength(1);
    expect(kinds.filter((k) => k === "REOPEN")).toHaveLength(7);
    expect(await unitsUsed(access.id)).toBe(1);
  });
});

describe("the owner's log and the seeker's side", () => {
  it("lists openings newest first for the owner only", async () => {
    const buyer = await createBuyer();
    await grantAccess(buyer);
    const [a, b] = [await newResume(), await newResume()];
    await openResumeContacts(buyer.manager, buyer.organizationId, a.publicId, NOW);
    await openResumeContacts(buyer.owner, buyer.organizationId, b.publicId, new Date(NOW.getTime() + 1000));
    const log = await listResumeOpenings(buyer.owner, buyer.organizationId, 1);
    expect(log.total).toBe(2);
    expect(log.rows.map((r) => [r.resume.publicId, r.kind])).toEqual([
      [b.publicId, "PAID"],
      [a.publicId, "PAID"],
    ]);
    expect(await outcome(() => listResumeOpenings(buyer.manager, buyer.organizationId, 1))).toBe(
      "FORBIDDEN errors.org.roleTooLow",
    );
    expect(await outcome(() => listResumeOpenings(buyer.owner, buyer.organizationId, 0))).toBe("VALIDATION errors.invalidInput");
  });

  it("shows the seeker who opened their contacts, and hides their resumes from that organisation in one click", async () => {
    const seeker = await createUser({ isSeeker: true });
    const shown = await newResume({ seekerId: seeker.id });
    await newResume({ seekerId: seeker.id, visibility: "APPLIED_ONLY" });
    const buyer = await createBuyer();
    await grantAccess(buyer);
    await openResumeContacts(buyer.manager, buyer.organizationId, shown.publicId, NOW);
    const list = await listMyResumeOpenings(seeker.id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ openedAt: NOW, resume: { id: shown.id }, hidden: false });
    expect(list[0]?.organization.id).toBe(buyer.organizationId);
    expect(await listMyResumeOpenings((await createUser()).id)).toEqual([]);

    const other = await createBuyer();
    expect(await outcome(() => hideMyResumesFromOrganization(seeker.id, other.organizationId))).toBe(
      "NOT_FOUND errors.resumeDatabase.openerUnknown",
    );
    // The organisation finds the resume in its database until the seeker hides it from it.
    await refreshResumeSearch(db, [shown.id]);
    const found = async () => (await searchResumes(buyer.organizationId, {}, { now: NOW })).items.map((c) => c.publicId);
    expect(await found()).toContain(shown.publicId);
    await expect(hideMyResumesFromOrganization(seeker.id, buyer.organizationId)).resolves.toEqual({ resumes: 1 });
    expect(await found()).not.toContain(shown.publicId);
    const after = await db.resume.findMany({
      where: { userId: seeker.id },
      orderBy: { id: "asc" },
      select: { visibility: true, hiddenFrom: { select: { organizationId: true } } },
    });
    expect(after).toEqual([
      { visibility: "ALL_EXCEPT", hiddenFrom: [{ organizationId: buyer.organizationId }] },
      { visibility: "APPLIED_ONLY", hiddenFrom: [] },
    ]);
    expect(await outcome(() => getResumeForOrganization(buyer.organizationId, shown.publicId, NOW))).toBe(
      "NOT_FOUND errors.resumes.notFound",
    );
    expect((await listMyResumeOpenings(seeker.id))[0]?.hidden).toBe(true);
    // Again: nothing changes, still one row.
    await hideMyResumesFromOrganization(seeker.id, buyer.organizationId);
    expect(await db.resumeHiddenOrganization.count({ where: { resumeId: shown.id } })).toBe(1);
  });
});
