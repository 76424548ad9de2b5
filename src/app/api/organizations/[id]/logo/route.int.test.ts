import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { OrgRole } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";

import { createOrganization, createUser, signedIn } from "../../../../../../test/support/factories";

// The handlers read the signed-in user from the session cookie through getCurrentUser, which
// needs Next's request scope; here the user it returns is set per test (a real session row).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);

const { DELETE, POST } = await import("./route");

const APP = "http://localhost:3000";
const RU = { unauthorized: "Войдите, чтобы продолжить.", forbidden: "У вас нет доступа к этому действию." };

let ownerId: number;
let organization: { id: number; slug: string };
let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 1200, height: 600, channels: 4, background: "#0f766e" } })
    .png()
    .toBuffer();
});

beforeEach(async () => {
  session.user = null;
  cache.revalidatePath.mockClear();
  ownerId = (await createUser()).id;
  const { id } = await createOrganization("EMPLOYER", [{ userId: ownerId, role: "OWNER" }]);
  organization = await db.organization.findUniqueOrThrow({ where: { id }, select: { id: true, slug: true } });
});

async function signIn(userId: number) {
  session.user = await signedIn(userId);
}

async function memberWith(role: OrgRole) {
  const user = await createUser();
  await db.membership.create({ data: { userId: user.id, organizationId: organization.id, role } });
  return user.id;
}

function form(file: Blob | null) {
  const body = new FormData();
  if (file) body.append("logo", file, "logo.png");
  return body;
}

function request(
  method: "POST" | "DELETE",
  options: { id?: string | number; body?: BodyInit; headers?: Record<string, string>; query?: string } = {},
) {
  const id = options.id ?? organization.id;
  return new Request(`${APP}/api/organizations/${id}/logo${options.query ?? ""}`, {
    method,
    body: options.body,
    headers: { origin: APP, ...options.headers },
  });
}

const params = (id: string | number = organization.id) => ({ params: Promise.resolve({ id: String(id) }) });

async function upload(options: Parameters<typeof request>[1] = {}) {
  return POST(
    request("POST", { body: form(new Blob([new Uint8Array(png)], { type: "image/png" })), ...options }),
    params(options.id),
  );
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as unknown };
}

const storedLogo = () => db.organizationLogo.findUnique({ where: { organizationId: organization.id } });

describe("POST /api/organizations/[id]/logo", () => {
  it("stores the owner's upload and answers its URL", async () => {
    await signIn(ownerId);
    const response = await upload();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { logoPath } = (await response.json()) as { logoPath: string };
    expect(logoPath).toMatch(new RegExp(`^/logos/${organization.id}-[0-9a-z]+\\.webp$`));
    expect(await storedLogo()).toMatchObject({ width: 256, height: 128, contentType: "image/webp" });
    const org = await db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(org.logoPath).toBe(logoPath);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/ru/company/${organization.id}-${organization.slug}`);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/kk/company/${organization.id}-${organization.slug}`);
  });

  it("asks a guest to sign in, in the caller's language", async () => {
    expect(await answer(await upload())).toEqual({ status: 401, body: { error: { message: RU.unauthorized } } });
    const kk = await answer(await upload({ headers: { "x-locale": "kk" } }));
    expect(kk.status).toBe(401);
    expect(kk.body).not.toEqual({ error: { message: RU.unauthorized } });
    expect(await storedLogo()).toBeNull();
  });

  it("refuses everyone but the owner: outsiders with one answer, members with the reason", async () => {
    const otherOwner = (await createUser()).id;
    await createOrganization("EMPLOYER", [{ userId: otherOwner, role: "OWNER" }]);
    for (const userId of [(await createUser()).id, otherOwner]) {
      await signIn(userId);
      expect(await answer(await upload())).toEqual({ status: 403, body: { error: { message: RU.forbidden } } });
    }
    // Members already know they are members (as in the API): they are told their role is too low.
    for (const userId of [await memberWith("MANAGER"), await memberWith("OBSERVER")]) {
      await signIn(userId);
      expect(await answer(await upload())).toEqual({
        status: 403,
        body: { error: { message: "Вашей роли в организации недостаточно для этого действия." } },
      });
    }
    // An organisation that does not exist looks the same as someone else's.
    await signIn(ownerId);
    expect(await answer(await upload({ id: 999_999_999 }))).toEqual({
      status: 403,
      body: { error: { message: RU.forbidden } },
    });
    expect(await storedLogo()).toBeNull();
    expect(cache.revalidatePath).not.toHaveBeenCalled();
  });

  it("answers 404 for an id that is not one", async () => {
    await signIn(ownerId);
    for (const id of ["abc", "0", "-1", "1e3", "12345678901"]) {
      expect((await upload({ id })).status).toBe(404);
    }
  });

  it("refuses a request from another site, even from the owner's browser", async () => {
    await signIn(ownerId);
    expect((await upload({ headers: { origin: "https://evil.example" } })).status).toBe(403);
    const noOrigin = new Request(`${APP}/api/organizations/${organization.id}/logo`, {
      method: "POST",
      body: form(new Blob([new Uint8Array(png)])),
    });
    expect((await POST(noOrigin, params())).status).toBe(403);
    session.user = null;
    expect((await upload({ headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect(await storedLogo()).toBeNull();
  });

  it("refuses a declared body over the limit before reading it or asking who is calling", async () => {
    const response = await upload({ headers: { "content-length": String(9 * 1024 * 1024) } });
    expect(await answer(response)).toEqual({
      status: 413,
      body: { error: { message: "Файл больше 5 МБ. Выберите изображение поменьше.", field: "logo" } },
    });
  });

  it("stops reading a body that grows past the limit whatever its Content-Length", async () => {
    await signIn(ownerId);
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await POST(
      new Request(`${APP}/api/organizations/${organization.id}/logo`, {
        method: "POST",
        body,
        headers: { origin: APP, "content-type": "multipart/form-data; boundary=x" },
        duplex: "half",
      } as RequestInit),
      params(),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(10);
    expect(await storedLogo()).toBeNull();
  });

  it("asks for a file when there is none, translated by cookie or query", async () => {
    await signIn(ownerId);
    const missing = await answer(
      await POST(request("POST", { body: form(null), headers: { cookie: "theme=x; NEXT_LOCALE=kk" } }), params()),
    );
    expect(missing).toEqual({ status: 400, body: { error: { message: "Логотип файлын таңдаңыз.", field: "logo" } } });
    const empty = await answer(await POST(request("POST", { body: form(new Blob([])), query: "?locale=kk" }), params()));
    expect(empty).toEqual(missing);
    const notForm = await answer(await POST(request("POST", { body: "logo=1" }), params()));
    expect(notForm).toEqual({ status: 400, body: { error: { message: "Выберите файл с логотипом.", field: "logo" } } });
  });

  it("passes on the service's validation error and keeps the current logo", async () => {
    await signIn(ownerId);
    const { logoPath } = (await (await upload()).json()) as { logoPath: string };
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], {
      type: "image/png",
    });
    const response = await POST(request("POST", { body: form(svg) }), params());
    const { status, body } = await answer(response);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { field: "logo", message: expect.stringContaining("PNG, JPEG, WebP") as string } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).logoPath).toBe(logoPath);
  });
});

describe("DELETE /api/organizations/[id]/logo", () => {
  it("removes the owner's logo", async () => {
    await signIn(ownerId);
    await upload();
    const response = await DELETE(request("DELETE"), params());
    expect(await answer(response)).toEqual({ status: 200, body: { logoPath: null } });
    expect(await storedLogo()).toBeNull();
    expect((await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).logoPath).toBeNull();
    expect(await db.auditLog.count({ where: { action: "organization.logo.remove", entityId: String(organization.id) } })).toBe(1);
  });

  it("refuses guests, other members and other sites", async () => {
    await signIn(ownerId);
    await upload();
    session.user = null;
    expect((await DELETE(request("DELETE"), params())).status).toBe(401);
    await signIn(await memberWith("MANAGER"));
    expect((await DELETE(request("DELETE"), params())).status).toBe(403);
    await signIn(ownerId);
    expect((await DELETE(request("DELETE", { headers: { origin: "https://evil.example" } }), params())).status).toBe(403);
    expect((await DELETE(request("DELETE", { id: "x" }), params("x"))).status).toBe(404);
    expect(await storedLogo()).not.toBeNull();
  });
});
