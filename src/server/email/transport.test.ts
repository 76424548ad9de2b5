import { afterEach, describe, expect, it } from "vitest";

import { startCaptureServer } from "../../../test/support/capture-server";

import { batchIdempotencyKey, createResendTransport, type OutgoingMessage } from "./transport";

const message = (i: number, key?: string): OutgoingMessage => ({
  from: "Jumys <no-reply@jumys.kz>",
  to: `seeker${i}@mail.kz`,
  subject: `Тема ${i}`,
  html: `<p>Привет ${i}</p>`,
  text: `Привет ${i}`,
  headers: { "List-Unsubscribe": `<https://jumys.kz/u/${i}>` },
  idempotencyKey: key,
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("Resend transport (real SDK against a local recording server)", () => {
  it("sends one email to /emails with the idempotency key and returns the provider id", async () => {
    const server = await startCaptureServer(() => ({ status: 200, body: { id: "email_123" } }));
    close = server.close;
    const transport = createResendTransport("re_test_key", server.url);

    const [result] = await transport.send([message(1, "verify:42")]);

    expect(result).toEqual({ ok: true, providerId: "email_123" });
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.path).toBe("/emails");
    expect(req!.headers.authorization).toBe("Bearer re_test_key");
    expect(req!.headers["idempotency-key"]).toBe("verify:42");
    expect(req!.body).toMatchObject({
      from: "Jumys <no-reply@jumys.kz>",
      to: "seeker1@mail.kz",
      subject: "Тема 1",
      html: "<p>Привет 1</p>",
      text: "Привет 1",
      headers: { "List-Unsubscribe": "<https://jumys.kz/u/1>" },
    });
  });

  it("reports an API error as a failed delivery instead of throwing", async () => {
    const server = await startCaptureServer(() => ({
      status: 422,
      body: { name: "validation_error", message: "Invalid `to` field.", statusCode: 422 },
    }));
    close = server.close;
    const [result] = await createResendTransport("re_test_key", server.url).send([message(1)]);
    expect(result).toEqual({ ok: false, error: "validation_error: Invalid `to` field." });
  });

  it("reports an unreachable API as a failed delivery", async () => {
    const server = await startCaptureServer(() => ({ status: 200, body: {} }));
    await server.close();
    const [result] = await createResendTransport("re_test_key", server.url).send([message(1)]);
    expect(result?.ok).toBe(false);
  });

  it("sends many emails through /emails/batch in chunks of at most 100, in order", async () => {
    let counter = 0;
    const server = await startCaptureServer((req) => ({
      status: 200,
      body: { data: (req.body as unknown[]).map(() => ({ id: `id_${++counter}` })) },
    }));
    close = server.close;
    const messages = Array.from({ length: 250 }, (_, i) => message(i, `digest:${i}`));

    const results = await createResendTransport("re_test_key", server.url, { minIntervalMs: 0 }).send(messages);

    expect(server.requests.map((r) => [r.path, (r.body as unknown[]).length])).toEqual([
      ["/emails/batch", 100],
      ["/emails/batch", 100],
      ["/emails/batch", 50],
    ]);
    expect(results).toHaveLength(250);
    expect(results[0]).toEqual({ ok: true, providerId: "id_1" });
    expect(results[249]).toEqual({ ok: true, providerId: "id_250" });
    expect(server.requests[0]!.headers["idempotency-key"]).toBe(
      batchIdempotencyKey(messages.slice(0, 100).map((m) => m.idempotencyKey!)),
    );
    expect((server.requests[2]!.body as { to: string }[])[0]!.to).toBe("seeker200@mail.kz");
  });

  it("fails only the chunk the API refused", async () => {
    let call = 0;
    const server = await startCaptureServer((req) =>
      ++call === 2
        ? { status: 422, body: { name: "validation_error", message: "Invalid `to` field.", statusCode: 422 } }
        : { status: 200, body: { data: (req.body as unknown[]).map((_, i) => ({ id: `c${call}_${i}` })) } },
    );
    close = server.close;
    const results = await createResendTransport("re_test_key", server.url, { minIntervalMs: 0 }).send(
      Array.from({ length: 150 }, (_, i) => message(i)),
    );
    expect(server.requests).toHaveLength(2);
    expect(results.slice(0, 100).every((r) => r.ok)).toBe(true);
    expect(results.slice(100).every((r) => !r.ok && r.error.startsWith("validation_error"))).toBe(true);
  });

  it("waits as long as retry-after says when rate limited, then sends", async () => {
    let call = 0;
    const server = await startCaptureServer((req) =>
      ++call === 1
        ? {
            status: 429,
            headers: { "retry-after": "2" },
            body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
          }
        : { status: 200, body: { data: (req.body as unknown[]).map((_, i) => ({ id: `ok_${i}` })) } },
    );
    close = server.close;
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    const results = await createResendTransport("re_test_key", server.url, { minIntervalMs: 0, sleep }).send(
      Array.from({ length: 3 }, (_, i) => message(i, `k${i}`)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toHaveLength(2);
    // The retry is the same request, with the same idempotency key.
    expect(server.requests[1]!.headers["idempotency-key"]).toBe(server.requests[0]!.headers["idempotency-key"]);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1_900);
    expect(waits[0]).toBeLessThanOrEqual(2_000);
  });

  it("gives up after the allowed retries and reports the rate limit", async () => {
    const server = await startCaptureServer(() => ({
      status: 429,
      body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
    }));
    close = server.close;
    const sleep = () => Promise.resolve();
    const results = await createResendTransport("re_test_key", server.url, { rateLimitRetries: 2, sleep }).send([
      message(1),
      message(2),
    ]);
    expect(server.requests).toHaveLength(3);
    expect(results.every((r) => !r.ok && r.error.startsWith("rate_limit_exceeded"))).toBe(true);
  });

  it("spaces its requests to stay under Resend's rate limit", async () => {
    const server = await startCaptureServer((req) => ({
      status: 200,
      body: { data: (req.body as unknown[]).map((_, i) => ({ id: `id_${i}` })) },
    }));
    close = server.close;
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    await createResendTransport("re_test_key", server.url, { minIntervalMs: 400, sleep }).send(
      Array.from({ length: 300 }, (_, i) => message(i)),
    );
    expect(server.requests).toHaveLength(3);
    // The first request goes at once; each next one waits for its slot. The injected sleep does
    // not move the clock, so the third request's slot is two intervals from "now".
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(300);
    expect(waits[0]).toBeLessThanOrEqual(400);
    expect(waits[1]).toBeGreaterThan(700);
    expect(waits[1]).toBeLessThanOrEqual(800);
  });

  it("keys a batch by all of its messages' keys, not by the first few", () => {
    const keys = Array.from({ length: 100 }, (_, i) => `digest:${i}:2026-11-21`);
    const changedLast = [...keys.slice(0, 99), "digest:999:2026-11-21"];
    expect(batchIdempotencyKey(keys)).toBe(batchIdempotencyKey([...keys]));
    expect(batchIdempotencyKey(keys)).not.toBe(batchIdempotencyKey(changedLast));
    expect(batchIdempotencyKey(keys).length).toBeLessThanOrEqual(256);
  });
});
