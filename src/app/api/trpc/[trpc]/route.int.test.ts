import { describe, expect, it, vi } from "vitest";

vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

const { GET, MAX_BATCH_CALLS, MAX_BODY_BYTES, POST } = await import("./route");

const APP = new URL(process.env.APP_URL ?? "http://localhost:3000").origin;
const feedback = { name: "Асем", email: "asem@example.kz", message: "Сайт очень удобный, спасибо вам большое!", locale: "ru" };

function post(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return POST(
    new Request(`${APP}/api/trpc/${path}`, {
      method: "POST",
      ...init,
      headers: { "content-type": "application/json", origin: APP, ...init.headers },
    }),
  );
}

describe("the tRPC endpoint refuses before parsing", () => {
  it("answers a normal call", async () => {
    const response = await GET(new Request(`${APP}/api/trpc/public.viewer`));
    expect(response.status).toBe(200);
  });

  it("refuses a body declared bigger than the limit without reading it (413)", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await post("public.sendFeedback", {
      body,
      headers: { "content-length": String(50 * 1024 * 1024) },
      // @ts-expect-error: Node's fetch needs this for a streamed body
      duplex: "half",
    });
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without a length once it passes the limit (413)", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        if (sent > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    // @ts-expect-error: Node's fetch needs this for a streamed body
    const response = await post("public.sendFeedback", { body, duplex: "half" });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Запрос слишком большой.");
  });

  it("accepts a body just under the limit as far as the procedure's own validation", async () => {
    const big = JSON.stringify({ 0: { json: { ...feedback, message: "х".repeat(MAX_BODY_BYTES / 4) } } });
    const response = await post("public.sendFeedback?batch=1", { body: big });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("BAD_REQUEST");
  });

  it(`refuses more than ${MAX_BATCH_CALLS} calls in one batch`, async () => {
    const paths = Array.from({ length: 500 }, () => "public.viewer").join(",");
    const response = await GET(new Request(`${APP}/api/trpc/${paths}?batch=1&input={}`));
    expect(response.status).toBe(400);
    const ok = await GET(
      new Request(`${APP}/api/trpc/${Array.from({ length: MAX_BATCH_CALLS }, () => "public.viewer").join(",")}?batch=1&input={}`),
    );
    expect(ok.status).toBe(200);
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain"])(
    "refuses a %s body, which any site's form can send (415)",
    async (type) => {
      const response = await post("public.sendFeedback", { body: "a=b", headers: { "content-type": type } });
      expect(response.status).toBe(415);
    },
  );

  it("refuses a mutation sent from another site (403), by Origin or by Sec-Fetch-Site", async () => {
    const body = JSON.stringify(feedback);
    expect((await post("public.sendFeedback", { body, headers: { origin: "https://evil.example" } })).status).toBe(403);
    const noOrigin = await POST(
      new Request(`${APP}/api/trpc/public.sendFeedback`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
      }),
    );
    expect(noOrigin.status).toBe(403);
  });
});
