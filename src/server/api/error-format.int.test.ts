import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createUser, ensureLegalDocuments } from "../../../test/support/factories";

import { appRouter } from "./root";
import { createContext } from "./trpc";

interface ErrorBody {
  error: {
    json: {
      message: string;
      data: { code: string; httpStatus: number; messageKey: string | null; fieldErrors: Record<string, string[]> | null };
    };
  };
}

/** Calls a procedure over HTTP exactly as the browser does, in the given language. */
async function call(path: string, input: unknown, locale: "ru" | "kk") {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ user: null, ip: null, locale }),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

const signUp = (patch: Record<string, unknown>) => ({
  accountType: "seeker",
  name: "Асель Нурланова",
  email: "asel@example.kz",
  password: "a-long-password",
  adult: true,
  acceptTerms: true,
  locale: "kk",
  ...patch,
});

beforeAll(ensureLegalDocuments);

describe("errors over HTTP are specific and translated", () => {
  it("answers bad sign-up fields with 400 and one translated message per field, writing nothing", async () => {
    const users = await db.user.count();
    const { status, body } = await call(
      "public.auth.signUp",
      signUp({ email: "nope", password: "short", phone: "+7 912 345 67 89" }),
      "kk",
    );
    expect(status).toBe(400);
    expect(body.error.json.message).toBe("Енгізілген деректерді тексеріңіз.");
    expect(body.error.json.data.fieldErrors).toEqual({
      email: ["Дұрыс пошта мекенжайын енгізіңіз, мысалы name@mail.kz."],
      password: ["Құпиясөз кемінде 8 таңбадан тұруы керек."],
      phone: ["Қазақстандық ұялы нөмірді көрсетіңіз: +7 7XX XXX XX XX."],
    });
    expect(await db.user.count()).toBe(users);
  });

  it("answers an existing email exactly as a new one, and tells the owner by email instead", async () => {
    const existing = await createUser({ name: "Гүлнар Ахметова" });
    const fresh = `fresh-${Date.now()}@example.kz`;
    const taken = await call("public.auth.signUp", signUp({ email: existing.email }), "ru");
    const created = await call("public.auth.signUp", signUp({ email: fresh }), "ru");
    expect(taken.status).toBe(200);
    expect(created.status).toBe(200);
    expect(taken.body).toEqual(JSON.parse(JSON.stringify(created.body).replace(fresh, existing.email)));
    const notice = await db.emailMessage.findFirstOrThrow({ where: { toAddress: existing.email, template: "sign-up-attempt" } });
    expect(notice.subject).toBe("Попытка регистрации с вашим адресом на Jumys");
    expect(notice.text).toContain("аккаунт с ним уже есть");
    expect(await db.emailMessage.count({ where: { toAddress: existing.email, template: "verify-email" } })).toBe(0);
    expect(await db.emailMessage.count({ where: { toAddress: fresh, template: "verify-email" } })).toBe(1);
  });

  it("answers too many code requests with 429", async () => {
    const user = await createUser();
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call("public.auth.requestSignInCode", { email: user.email, locale: "ru" }, "ru")).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await call("public.auth.requestSignInCode", { email: user.email, locale: "ru" }, "kk");
    expect(last.body.error.json.message).toBe("Әрекеттер тым көп. Кейінірек қайталаңыз.");
  });

  it("answers a guest calling a signed-in procedure with 401, translated", async () => {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/account.profile"),
      router: appRouter,
      createContext: () => createContext({ user: null, locale: "kk" }),
    });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(401);
    expect(body.error.json.message).toBe("Жалғастыру үшін кіріңіз.");
  });
});
