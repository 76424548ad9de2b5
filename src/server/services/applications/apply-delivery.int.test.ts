import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resetEnvForTests } from "@/env";
import { db } from "@/server/db";

import { startCaptureServer } from "../../../../test/support/capture-server";
import { createOrganization, createUser } from "../../../../test/support/factories";

import { applyToVacancy, listMyApplications } from "./apply";

// The employer's notification goes through the real Resend transport to a local server that
// refuses it, as Resend does for an unknown or blocked domain: the application is kept, the
// failed delivery recorded, and the seeker told.

let refuse = true;
const server = await startCaptureServer(() =>
  refuse
    ? { status: 422, body: { statusCode: 422, name: "validation_error", message: "The domain is not verified." } }
    : { status: 200, body: { id: "email_ok" } },
);
process.env.MAIL_TRANSPORT = "resend";
process.env.RESEND_API_KEY = "re_test_delivery";
process.env.RESEND_BASE_URL = server.url;
resetEnvForTests();

let cityId = 0;
let orgId = 0;

afterAll(async () => {
  await server.close();
});

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "delivery-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "delivery-city", nameRu: "Атырау", nameKk: "Атырау" } }))
    .id;
  const owner = await createUser();
  orgId = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
});

async function apply() {
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: orgId,
      title: "Сварщик",
      slug: "svarshchik",
      description: "<p>Описание.</p>",
      cityId,
      status: "PUBLISHED",
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const seeker = await createUser({ isSeeker: true, verified: true });
  await db.user.update({ where: { id: seeker.id }, data: { phone: "+77011112233" } });
  const result = await applyToVacancy(seeker.id, {
    vacancyId: vacancy.id,
    resumeId: null,
    message: "Опыт сварки аргоном шесть лет, есть допуски НАКС.",
    phone: null,
  });
  return { seeker, result };
}

describe("when the employer's email cannot be delivered", () => {
  it("keeps the application, records the failure and shows it to the seeker", async () => {
    refuse = true;
    const { seeker, result } = await apply();
    expect(result.deliveryFailed).toBe(true);
    expect(server.requests.length).toBeGreaterThan(0);
    const [mine] = await listMyApplications(seeker.id);
    expect(mine?.deliveryFailed).toBe(true);
    const failed = await db.emailMessage.findMany({ where: { template: "new-application", status: "FAILED" } });
    expect(failed.length).toBeGreaterThan(0);
  });

  it("records nothing when the email goes out", async () => {
    refuse = false;
    const { seeker, result } = await apply();
    expect(result.deliveryFailed).toBe(false);
    const [mine] = await listMyApplications(seeker.id);
    expect(mine?.deliveryFailed).toBe(false);
  });
});
