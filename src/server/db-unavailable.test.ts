import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { DomainError } from "@/server/errors";

import { databaseUnavailableResponse, isDatabaseUnavailable, withDatabaseUnavailable } from "./db-unavailable";

// The shapes below are the ones seen when the embedded server was killed and restarted under the
// app (test/integration/database-outage.int.test.ts exercises the real ones).
function prismaError(code: string, driverCause: Record<string, unknown>) {
  const adapterError = Object.assign(new Error("DriverAdapterError"), { name: "DriverAdapterError", cause: driverCause });
  return new Prisma.PrismaClientKnownRequestError("Invalid invocation", {
    code,
    clientVersion: "7",
    meta: { driverAdapterError: adapterError },
  });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "a refused connection (node-postgres)",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    ],
    ["a connection closed under a query", new Error("Connection terminated unexpectedly")],
    ["admin_shutdown, sent when the postmaster dies", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    ["connection failure (08006)", { code: "08006", message: "connection failure" }],
    ["Prisma: can't reach the server", prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["Prisma: a raw query on a dying server", prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["Prisma: a server still starting up", prismaError("P2039", { kind: "postgres", code: "57P03", originalCode: "57P03" })],
    ["Prisma: the connection was closed", prismaError("P1017", { kind: "ConnectionClosed" })],
    [
      "tRPC's wrapping of any of these",
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
    ],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } })],
    ["a syntax error", { code: "42601", message: "syntax error at or near" }],
    ["a missing row", new Prisma.PrismaClientKnownRequestError("No record", { code: "P2025", clientVersion: "7" })],
    ["a domain error (email not delivered)", new DomainError("UNAVAILABLE", "errors.email.notDelivered")],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("leaves %s alone", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("survives a cause cycle", () => {
    const a: { cause?: unknown; message: string } = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("withDatabaseUnavailable", () => {
  it("answers 503 with Retry-After for an outage and rethrows anything else", async () => {
    const down = withDatabaseUnavailable(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    });
    const response = await down();
    expect([response.status, response.headers.get("retry-after"), response.headers.get("cache-control")]).toEqual([
      503,
      "5",
      "no-store",
    ]);
    expect(await response.json()).toEqual({ ok: false, error: "database unavailable" });

    const broken = withDatabaseUnavailable(async () => {
      throw new TypeError("bug");
    });
    await expect(broken()).rejects.toThrow("bug");
    expect((await withDatabaseUnavailable(async () => new Response("ok"))()).status).toBe(200);
    expect(databaseUnavailableResponse().status).toBe(503);
  });
});
