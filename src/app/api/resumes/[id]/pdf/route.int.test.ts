import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resumeInputSchema } from "@/lib/validation/resume";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";
import { createResume } from "@/server/services/resumes/resumes";

import { createOrganization, createUser, signedIn } from "../../../../../../test/support/factories";

// getCurrentUser needs Next's request scope; here the user it returns is set per test.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

let seekerId = 0;
let resumeId = 0;
let publicId = "";
let orgId = 0;
let ownerId = 0;
let cityId = 0;

const get = (query = "", id = String(resumeId)) =>
  GET(new Request(`http://localhost:3000/api/resumes/${id}/pdf${query}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "pdf-region", nameRu: "Мангистауская область", nameKk: "Маңғыстау облысы" },
  });
  const city = await db.city.create({ data: { regionId: region.id, slug: "pdf-city", nameRu: "Актау", nameKk: "Ақтау" } });
  cityId = city.id;
  const group = await db.specialization.create({ data: { slug: "pdf-group", nameRu: "Транспорт", nameKk: "Көлік" } });
  const spec = await db.specialization.create({
    data: { slug: "pdf-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: group.id },
  });
  seekerId = (await createUser({ isSeeker: true, verified: true })).id;
  resumeId = (
    await createResume(
      seekerId,
      resumeInputSchema.parse({
        title: "Жүргізуші (C, CE) — Ақтау",
        desiredSalary: 500_000,
        cityId: city.id,
        relocationRegionIds: [region.id],
        specializationIds: [spec.id],
        employmentTypes: ["FULL_TIME"],
        schedules: ["ROTATION"],
        experiences: [
          {
            company: "ТОО «Каспий Транс»",
            position: "Водитель",
            startedOn: "2018-05",
            endedOn: null,
            description: "Вахта 15/15.\nБез аварий.",
          },
        ],
        educations: [
          { level: "VOCATIONAL", institution: "Ақтау политехникалық колледжі", speciality: null, graduationYear: 2017 },
        ],
        languages: [{ language: "kk", level: "NATIVE" }],
        skills: ["Тахограф"],
        licences: [{ category: "CE", yearObtained: 2019 }],
        about: "Өз ісіме жауапты қараймын.",
        visibility: "HIDDEN",
        hiddenOrganizationIds: [],
      }),
    )
  ).id;
  publicId = (await db.resume.findUniqueOrThrow({ where: { id: resumeId }, select: { publicId: true } })).publicId;
  ownerId = (await createUser()).id;
  orgId = (await createOrganization("EMPLOYER", [{ userId: ownerId, role: "OWNER" }])).id;
});

beforeEach(() => {
  session.user = null;
});

describe("resume PDF download", () => {
  it("asks a guest to sign in", async () => {
    const response = await get();
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Войдите, чтобы продолжить.");
  });

  it("gives the seeker their resume as an A4 PDF with its Kazakh title as the file name", async () => {
    session.user = await signedIn(seekerId);
    for (const locale of ["ru", "kk"]) {
      const response = await get(`?locale=${locale}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="resume-${resumeId}.pdf"; filename*=UTF-8''${encodeURIComponent("Жүргізуші (C, CE) — Ақтау.pdf").replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.subarray(-6).toString()).toContain("%%EOF");
      // The Noto Sans subset is embedded (Kazakh letters are outside the standard PDF fonts).
      expect(pdf.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+NotoSans-Regular/);
      expect(pdf.toString("latin1")).toContain("/Type /Page");
    }
  });

  it("is not found for another seeker, a bad id, or an organisation the resume is hidden from", async () => {
    session.user = await signedIn((await createUser({ isSeeker: true })).id);
    expect((await get()).status).toBe(404);
    expect((await get("", "abc")).status).toBe(404);
    session.user = await signedIn(ownerId);
    expect((await get()).status).toBe(404);
    expect((await get(`?organizationId=${orgId}`, publicId)).status).toBe(404);
  });

  it("lets an organisation the seeker applied to with the resume download it; non-members cannot", async () => {
    const vacancy = await db.vacancy.create({
      data: {
        organizationId: orgId,
        title: "Водитель",
        slug: "voditel",
        description: "<p>Описание.</p>",
        cityId,
        status: "PUBLISHED",
        publishedAt: new Date(),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db.application.create({ data: { vacancyId: vacancy.id, seekerId, resumeId } });
    session.user = await signedIn(ownerId);
    const response = await get(`?organizationId=${orgId}&locale=kk`, publicId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    // An organisation names a resume by its public id only: the number leads nowhere.
    expect((await get(`?organizationId=${orgId}`, String(resumeId))).status).toBe(404);
    session.user = await signedIn((await createUser()).id);
    expect((await get(`?organizationId=${orgId}`, publicId)).status).toBe(404);
  });
});
