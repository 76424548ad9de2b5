import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { createUnsubscribeToken } from "@/server/services/digest/unsubscribe-token";

import { createUser } from "../../../../test/support/factories";

import { GET, POST, dynamic } from "./route";

const DAY = 86_400_000;
const BASE = "http://localhost:3000/api/unsubscribe";

beforeEach(async () => {
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
});

async function seeker(locale: "ru" | "kk" = "ru") {
  const user = await createUser();
  await db.user.update({ where: { id: user.id }, data: { locale } });
  return user;
}

const url = (token: string) => `${BASE}?token=${encodeURIComponent(token)}`;

/** What a mail client sends for RFC 8058 one-click: no cookie, no session, just the form body. */
function oneClick(token: string, contentType = "application/x-www-form-urlencoded") {
  return new Request(url(token), {
    method: "POST",
    headers: { "Content-Type": contentType },
    body: "List-Unsubscribe=One-Click",
  });
}

function fromPage(token: string, action: "unsubscribe" | "resubscribe", locale = "kk") {
  return new Request(url(token), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ action, locale }).toString(),
  });
}

const digestsOn = async (id: number) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { notifyDigests: true } })).notifyDigests;
const audits = () => db.auditLog.findMany({ orderBy: { id: "asc" } });

describe("/api/unsubscribe", () => {
  it("is rendered on every request", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("turns the digests off on a one-click POST without any session, once, and audits it without personal data", async () => {
    const user = await seeker();
    const token = createUnsubscribeToken(user.id);

    const response = await POST(oneClick(token));

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
    expect(await digestsOn(user.id)).toBe(false);
    const [entry, ...more] = await audits();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: null,
      action: "digest.unsubscribe",
      entityType: "user",
      entityId: String(user.id),
      ip: null,
      reason: null,
      data: { source: "one-click" },
    });

    // A second click (or the mail client retrying) is fine and changes nothing.
    expect((await POST(oneClick(token, "multipart/form-data; boundary=x"))).status).toBe(200);
    expect(await audits()).toHaveLength(1);
  });

  it("refuses forged, expired and deleted-account tokens, and writes nothing", async () => {
    const user = await seeker();
    const good = createUnsubscribeToken(user.id);
    const forged = good.replace(`.${user.id}.`, `.${user.id + 1}.`);
    const expired = createUnsubscribeToken(user.id, new Date(Date.now() - 91 * DAY));
    const gone = await seeker();
    const goneToken = createUnsubscribeToken(gone.id);
    await db.user.delete({ where: { id: gone.id } });

    const answers = await Promise.all([
      POST(oneClick(forged)),
      POST(oneClick(expired)),
      POST(oneClick(goneToken)),
      POST(oneClick("")),
      POST(new Request(BASE, { method: "POST" })),
    ]);

    expect(answers.map((r) => r.status)).toEqual([400, 400, 404, 400, 400]);
    expect(await Promise.all(answers.map((r) => r.json()))).toEqual([
      { ok: false, error: "errors.unsubscribe.invalid" },
      { ok: false, error: "errors.unsubscribe.expired" },
      { ok: false, error: "errors.unsubscribe.accountGone" },
      { ok: false, error: "errors.unsubscribe.invalid" },
      { ok: false, error: "errors.unsubscribe.invalid" },
    ]);
    expect(await digestsOn(user.id)).toBe(true);
    expect(await audits()).toHaveLength(0);
  });

  it("never unsubscribes on GET: it sends the browser to the page in the seeker's language", async () => {
    const user = await seeker("kk");
    const token = createUnsubscribeToken(user.id);

    const response = await GET(new Request(url(token)));

    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`http://localhost:3000/kk/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await digestsOn(user.id)).toBe(true);
    const forged = await GET(new Request(url("digests.1.2.x")));
    expect(forged.headers.get("Location")).toBe("http://localhost:3000/ru/unsubscribe?token=digests.1.2.x");
    expect(await audits()).toHaveLength(0);
  });

  it("answers the page's form with a redirect back to it, off and on again", async () => {
    const user = await seeker();
    const token = createUnsubscribeToken(user.id);
    const page = `http://localhost:3000/kk/unsubscribe?token=${encodeURIComponent(token)}`;

    const off = await POST(fromPage(token, "unsubscribe"));
    expect(off.status).toBe(303);
    expect(off.headers.get("Location")).toBe(`${page}&done=off`);
    expect(await digestsOn(user.id)).toBe(false);

    const on = await POST(fromPage(token, "resubscribe"));
    expect(on.headers.get("Location")).toBe(`${page}&done=on`);
    expect(await digestsOn(user.id)).toBe(true);
    expect((await audits()).map((a) => [a.action, a.data])).toEqual([
      ["digest.unsubscribe", { source: "page" }],
      ["digest.resubscribe", { source: "page" }],
    ]);

    // A bad token from the form: back to the page, which tells what is wrong; nothing written.
    const bad = await POST(fromPage("nonsense", "unsubscribe", "xx"));
    expect(bad.headers.get("Location")).toBe("http://localhost:3000/ru/unsubscribe?token=nonsense");
    expect(await audits()).toHaveLength(2);
  });

  it("reads a form body within 4 KB only, declared or streamed, and answers a larger one as a one-click", async () => {
    const user = await seeker();
    const token = createUnsubscribeToken(user.id);
    const padded = `${new URLSearchParams({ action: "resubscribe", locale: "kk" }).toString()}&pad=${"x".repeat(5000)}`;
    // Streamed without a Content-Length: the form is not read, so this is the mail client's POST.
    const streamed = new Request(url(token), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(padded));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    const response = await POST(streamed);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(await digestsOn(user.id)).toBe(false);
    // The page's own form, multipart and small, is read.
    const form = new FormData();
    form.set("action", "resubscribe");
    form.set("locale", "kk");
    const again = await POST(new Request(url(token), { method: "POST", body: form }));
    expect(again.status).toBe(303);
    expect(await digestsOn(user.id)).toBe(true);
  });
});
