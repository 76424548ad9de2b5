import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { signedIn } from "../../../../test/support/factories";
import { adultTrainee, createSchool, iinFor, yearsAgo } from "../../../../test/support/school-factories";
import { appRouter } from "../root";
import { createContext } from "../trpc";

// The registry's procedures over HTTP, as a school's page calls them: refusals arrive with the
// reason in the caller's language and on the field it concerns.

interface Body {
  result?: { data: { json: unknown } };
  error?: {
    json: { message: string; data: { code: string; messageKey: string | null; fieldErrors: Record<string, string[]> | null } };
  };
}

async function call(userId: number, path: string, input: unknown, locale: "ru" | "kk") {
  const user = await signedIn(userId);
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    // Queries are GETs with the input in the address, mutations POSTs.
    req: /\.(get|list)$/.test(path)
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`)
      : new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(superjson.serialize(input)),
        }),
    router: appRouter,
    createContext: () => createContext({ user, ip: "203.0.113.5", locale }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

describe("school.trainees over HTTP", () => {
  it("refuses a minor without the guardian's consent in Kazakh, on the guardian field", async () => {
    const school = await createSchool();
    const birthDate = yearsAgo(16, 30);
    const { status, body } = await call(
      school.owner.userId,
      "school.trainees.create",
      { organizationId: school.organizationId, trainee: adultTrainee({ birthDate, iin: iinFor(birthDate), category: "A1" }) },
      "kk",
    );
    expect(status).toBe(400);
    expect(body.error!.json.message).toBe(
      "Білім алушы 18 жасқа толмаған: заңды өкілін және оның жазбаша келісімінің күнін көрсетіңіз.",
    );
    expect(body.error!.json.data).toMatchObject({
      messageKey: "validation.trainee.guardianConsentRequired",
      fieldErrors: { guardian: [body.error!.json.message] },
    });
  });

  it("translates a form error on its field, and answers 409 for a twin IIN", async () => {
    const school = await createSchool();
    const bad = await call(
      school.manager.userId,
      "school.trainees.create",
      { organizationId: school.organizationId, trainee: adultTrainee({ iin: "12-34" }) },
      "ru",
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error!.json.data.fieldErrors).toEqual({ trainee: ["ИИН состоит из 12 цифр."] });
    const trainee = adultTrainee();
    expect(
      (await call(school.owner.userId, "school.trainees.create", { organizationId: school.organizationId, trainee }, "ru"))
        .status,
    ).toBe(200);
    const twin = await call(
      school.owner.userId,
      "school.trainees.create",
      { organizationId: school.organizationId, trainee },
      "ru",
    );
    expect(twin.status).toBe(409);
    expect(twin.body.error!.json.message).toBe("Обучающийся с таким ИИН уже есть в реестре.");
  });

  it("tells an instructor that another group's trainee is not theirs", async () => {
    const school = await createSchool();
    const created = await call(
      school.owner.userId,
      "school.trainees.create",
      { organizationId: school.organizationId, trainee: adultTrainee() },
      "ru",
    );
    const { id } = created.body.result!.data.json as { id: number };
    const { status, body } = await call(
      school.instructorA.userId,
      "school.trainees.get",
      { organizationId: school.organizationId, traineeId: id },
      "ru",
    );
    expect(status).toBe(403);
    expect(body.error!.json.message).toBe("Инструктор видит только обучающихся своих групп.");
  });
});
