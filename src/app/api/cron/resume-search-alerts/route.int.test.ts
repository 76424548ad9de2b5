import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";
import { resumeInputSchema } from "@/lib/validation/resume";
import { db } from "@/server/db";
import { invalidateCatalog } from "@/server/services/catalog/catalog";
import { refreshResumeSearch } from "@/server/services/resume-database/resume-search-index";
import { createResume } from "@/server/services/resumes/resumes";
import { saveResumeSearch } from "@/server/services/saved-resume-searches/saved-resume-searches";

import { createUser, createVerifiedOrganization } from "../../../../../test/support/factories";

import { GET, POST, dynamic } from "./route";

const SECRET = "cron-secret-for-tests-0123456789abcdef";
const JOB_URL = "http://localhost:3000/api/cron/resume-search-alerts";
const HOUR = 3_600_000;

let memberId = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "rsa-route-region", nameRu: "Павлодар", nameKk: "Павлодар" } });
  const cityId = (
    await db.city.create({ data: { regionId: region.id, slug: "rsa-route-city", nameRu: "Павлодар", nameKk: "Павлодар" } })
  ).id;
  const parent = await db.specialization.create({ data: { slug: "rsa-route-build", nameRu: "Стройка", nameKk: "Құрылыс" } });
  const specId = (
    await db.specialization.create({
      data: { slug: "rsa-route-mason", nameRu: "Каменщики", nameKk: "Тас қалаушылар", parentId: parent.id },
    })
  ).id;
  invalidateCatalog();
  const seeker = await createUser({ isSeeker: true });
  const { id } = await createResume(
    seeker.id,
    resumeInputSchema.parse({
      title: "Каменщик-облицовщик",
      desiredSalary: 400_000,
      cityId,
      relocationRegionIds: [],
      specializationIds: [specId],
      employmentTypes: ["FULL_TIME"],
      schedules: [],
      experiences: [],
      educations: [],
      languages: [],
      skills: [],
      licences: [],
      about: null,
      visibility: "ALL",
      hiddenOrganizationIds: [],
    }),
  );
  await db.resume.update({ where: { id }, data: { updatedAt: new Date(Date.now() - HOUR) } });
  await refreshResumeSearch(db, [id]);
  memberId = (await createUser({ isSeeker: false })).id;
  const orgId = (await createVerifiedOrganization("EMPLOYER", [{ userId: memberId, role: "OBSERVER" }])).id;
  const saved = await saveResumeSearch({ userId: memberId, organizationId: orgId }, { query: "q=каменщик", name: "Каменщики" });
  await db.savedResumeSearch.update({ where: { id: saved.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR) } });
});

beforeEach(() => withSecret(SECRET));

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function withSecret(secret: string | undefined) {
  vi.stubEnv("CRON_SECRET", secret);
  resetEnvForTests();
}

function request(method: "GET" | "POST", authorization?: string) {
  return new Request(JOB_URL, { method, headers: authorization === undefined ? {} : { Authorization: authorization } });
}

const deliveries = () => db.savedResumeSearchDelivery.count();

describe("/api/cron/resume-search-alerts", () => {
  it("is rendered on every request", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("refuses a missing or wrong secret, and does nothing while none is set", async () => {
    expect((await GET(request("GET"))).status).toBe(401);
    expect((await POST(request("POST", "Bearer wrong"))).status).toBe(403);
    withSecret(undefined);
    expect((await GET(request("GET", `Bearer ${SECRET}`))).status).toBe(503);
    expect(await deliveries()).toBe(0);
  });

  it("runs the job for the right secret and answers its counts; a second call sends nothing", async () => {
    const response = await POST(request("POST", `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      ok: true,
      experienceRecounted: 0,
      due: 1,
      claimed: 1,
      sent: 1,
      empty: 0,
      failed: 0,
    });
    expect(await db.emailMessage.count({ where: { userId: memberId, template: "resume-search-alert" } })).toBe(1);

    const again = await GET(request("GET", `Bearer ${SECRET}`));
    expect(await again.json()).toMatchObject({ ok: true, claimed: 0, sent: 0 });
    expect(await db.emailMessage.count({ where: { userId: memberId, template: "resume-search-alert" } })).toBe(1);
  });
});
