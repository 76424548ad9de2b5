import { beforeEach, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/server/services/auth/sessions";

import { createUser, signedIn } from "../../../../test/support/factories";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

beforeEach(() => {
  session.user = null;
});

describe("GET /api/viewer", () => {
  it("answers null for a guest and is never cached", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ viewer: null });
  });

  it("names the signed-in person and their roles, and nothing else", async () => {
    const user = await createUser({ isSeeker: true, name: "Айгүл Серікқызы" });
    session.user = await signedIn(user.id);
    const body = (await (await GET()).json()) as { viewer: Record<string, unknown> };
    expect(body.viewer).toEqual({ name: "Айгүл Серікқызы", isSeeker: true, staffRole: null, legalPending: false });
  });
});
