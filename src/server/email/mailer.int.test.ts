import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { startCaptureServer } from "../../../test/support/capture-server";

import { createMailer, type EmailToSend } from "./mailer";
import { renderEmail } from "./render";
import { verifyEmailTemplate } from "./templates/verify-email";
import { createResendTransport, outboxTransport } from "./transport";

const FROM = "Jumys <no-reply@jumys.kz>";
const email = (to: string, key?: string): EmailToSend => ({
  to,
  subject: "Тест",
  html: "<p>Сәлем</p>",
  text: "Сәлем",
  template: "test",
  locale: "kk",
  idempotencyKey: key,
});

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe("mailer with the outbox transport", () => {
  it("stores the email as CAPTURED", async () => {
    const mailer = createMailer(db, outboxTransport, FROM);
    const result = await mailer.send(email("outbox@example.kz"));
    expect(result.delivered).toBe(true);
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: result.emailId } });
    expect(row).toMatchObject({
      toAddress: "outbox@example.kz",
      fromAddress: FROM,
      status: "CAPTURED",
      transport: "outbox",
      locale: "kk",
    });
    expect(row.sentAt).not.toBeNull();
  });

  it("records an email with an idempotency key once, even when sent again or concurrently", async () => {
    const mailer = createMailer(db, outboxTransport, FROM);
    const [a, b] = await Promise.all([
      mailer.send(email("once@example.kz", "digest:1:2026-11-21")),
      mailer.send(email("once@example.kz", "digest:1:2026-11-21")),
    ]);
    const again = await mailer.send(email("once@example.kz", "digest:1:2026-11-21"));
    expect(await db.emailMessage.count({ where: { toAddress: "once@example.kz" } })).toBe(1);
    expect([a.delivered, b.delivered, again.delivered]).toEqual([true, true, true]);
  });

  it("stores every email of a batch with its own fields, the ones already stored left as they were", async () => {
    const user = await db.user.create({ data: { email: "batch-owner@example.kz", name: "Айгүл", isSeeker: true } });
    const mailer = createMailer(db, outboxTransport, FROM);
    const first = await mailer.send(email("batch-0@example.kz", "batch:test:0"));
    const batch: EmailToSend[] = [
      email("batch-0@example.kz", "batch:test:0"),
      {
        to: "batch-1@example.kz",
        subject: 'Кавычки " и \\ обратная черта, {скобки}, NULL',
        html: "<p>Бір</p>",
        text: "Бір\nекі",
        template: "digest",
        locale: "ru",
        userId: user.id,
        headers: { "List-Unsubscribe": "<https://jumys.kz/u?t=a,b>", "X-Quote": '"' },
        idempotencyKey: "batch:test:1",
      },
      { ...email("batch-2@example.kz"), template: "other" },
    ];
    const results = await mailer.sendMany(batch);
    expect(results[0]).toEqual({ emailId: first.emailId, delivered: true });
    expect(results.every((r) => r.delivered)).toBe(true);
    const rows = await db.emailMessage.findMany({
      where: { id: { in: results.map((r) => r.emailId) } },
      orderBy: { toAddress: "asc" },
    });
    expect(rows.map((r) => r.toAddress)).toEqual(["batch-0@example.kz", "batch-1@example.kz", "batch-2@example.kz"]);
    expect(rows[1]).toMatchObject({
      id: results[1]!.emailId,
      userId: user.id,
      subject: batch[1]!.subject,
      text: "Бір\nекі",
      template: "digest",
      locale: "ru",
      status: "CAPTURED",
      idempotencyKey: "batch:test:1",
      headers: batch[1]!.headers,
    });
    expect(rows[2]).toMatchObject({ id: results[2]!.emailId, userId: null, locale: "kk", template: "other", headers: {} });
    expect(rows[2]!.idempotencyKey).toMatch(/^auto:/);
  });

  it("compresses stored bodies with LZ4 where the server has it", async () => {
    const lz4 = await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("CREATE TEMPORARY TABLE lz4_probe (a text COMPRESSION lz4) ON COMMIT DROP");
        return true;
      })
      .catch(() => false);
    const columns = await db.$queryRaw<{ name: string; compression: string }[]>`
      SELECT attname AS name, attcompression::text AS compression FROM pg_attribute
      WHERE attrelid = 'email_messages'::regclass AND attname IN ('html', 'text') ORDER BY attname`;
    expect(columns).toEqual([
      { name: "html", compression: lz4 ? "l" : "" },
      { name: "text", compression: lz4 ? "l" : "" },
    ]);
  });

  it("reports an email a stopped sender left QUEUED as not delivered, a fresh one as on its way", async () => {
    const mailer = createMailer(db, outboxTransport, FROM);
    const stored = (key: string, createdAt: Date) =>
      db.emailMessage.create({
        data: {
          toAddress: "queued@example.kz",
          fromAddress: FROM,
          subject: "Тест",
          html: "<p>Сәлем</p>",
          text: "Сәлем",
          template: "test",
          transport: "outbox",
          status: "QUEUED",
          idempotencyKey: key,
          createdAt,
        },
      });
    const abandoned = await stored("digest:queued:old", new Date(Date.now() - 60 * 60_000));
    await stored("digest:queued:new", new Date());
    expect(await mailer.send(email("queued@example.kz", "digest:queued:old"))).toEqual({
      emailId: abandoned.id,
      delivered: false,
      error: "never handed to the transport",
    });
    expect((await mailer.send(email("queued@example.kz", "digest:queued:new"))).delivered).toBe(true);
    expect(await db.emailMessage.count({ where: { toAddress: "queued@example.kz" } })).toBe(2);
  });

  it("sends many in one call, in order", async () => {
    const mailer = createMailer(db, outboxTransport, FROM);
    const results = await mailer.sendMany([email("m1@example.kz"), email("m2@example.kz", "k-m2"), email("m3@example.kz")]);
    const rows = await db.emailMessage.findMany({ where: { id: { in: results.map((r) => r.emailId) } } });
    const byId = new Map(rows.map((r) => [r.id, r.toAddress]));
    expect(results.map((r) => byId.get(r.emailId))).toEqual(["m1@example.kz", "m2@example.kz", "m3@example.kz"]);
  });
});

describe("mailer with the Resend transport (real SDK, local recording server)", () => {
  it("marks a delivered email SENT with Resend's id, and a refused one FAILED with the reason", async () => {
    let call = 0;
    const server = await startCaptureServer(() =>
      ++call === 1
        ? { status: 200, body: { id: "re_msg_1" } }
        : { status: 403, body: { name: "validation_error", message: "The jumys.kz domain is not verified.", statusCode: 403 } },
    );
    closers.push(server.close);
    const mailer = createMailer(db, createResendTransport("re_test_key", server.url), FROM);

    const ok = await mailer.send(email("resend-ok@example.kz"));
    const failed = await mailer.send(email("resend-fail@example.kz"));

    expect(ok.delivered).toBe(true);
    expect(failed).toMatchObject({ delivered: false, error: "validation_error: The jumys.kz domain is not verified." });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: ok.emailId } })).toMatchObject({
      status: "SENT",
      providerId: "re_msg_1",
      transport: "resend",
    });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: failed.emailId } })).toMatchObject({
      status: "FAILED",
      error: "validation_error: The jumys.kz domain is not verified.",
    });
    expect(server.requests.map((r) => (r.body as { to: string }).to)).toEqual(["resend-ok@example.kz", "resend-fail@example.kz"]);
  });

  it("delivers a rendered template with HTML and plain text", async () => {
    const server = await startCaptureServer(() => ({ status: 200, body: { id: "re_msg_2" } }));
    closers.push(server.close);
    const mailer = createMailer(db, createResendTransport("re_test_key", server.url), FROM);
    const { subject, element } = verifyEmailTemplate({
      locale: "kk",
      name: "Әлия",
      url: "https://jumys.kz/kk/auth/verify-email?token=abc",
    });
    const { html, text } = await renderEmail(element);
    await mailer.send({ to: "aliya@example.kz", subject, html, text, template: "verify-email", locale: "kk" });

    const body = server.requests[0]!.body as { subject: string; html: string; text: string };
    expect(body.subject).toBe("Jumys-тағы поштаңызды растаңыз");
    expect(body.html).toContain('lang="kk"');
    expect(body.html).toContain("https://jumys.kz/kk/auth/verify-email?token=abc");
    expect(body.text).toContain("Сәлеметсіз бе, Әлия!");
    expect(body.text).toContain("https://jumys.kz/kk/auth/verify-email?token=abc");
  });
});
