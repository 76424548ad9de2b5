import { beforeAll, describe, expect, it } from "vitest";

import { signUpCallbackPath } from "@/lib/validation/auth";
import { db } from "@/server/db";

import { ensureLegalDocuments } from "../../../../test/support/factories";

import { createCaller } from "../root";
import { createContext } from "../trpc";

const guest = () => createCaller(createContext({ user: null, ip: null, locale: "kk" }));
let serial = 0;

/** Signs a seeker up with this callback and returns the verification link mailed to them. */
async function verificationLink(callbackUrl: string | undefined): Promise<URL> {
  const email = `callback-${Date.now()}-${serial++}@example.kz`;
  await guest().public.auth.signUp({
    accountType: "seeker",
    name: "Айдос Серікұлы",
    email,
    password: "a-long-password",
    adult: true,
    acceptTerms: true,
    locale: "kk",
    callbackUrl,
  });
  const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: email, template: "verify-email" } });
  const href = /https?:\/\/[^\s"<>]+\/auth\/verify-email\?[^\s"<>]+/.exec(message.text)?.[0];
  expect(href).toBeDefined();
  return new URL(href!.replace(/&amp;/g, "&"));
}

beforeAll(ensureLegalDocuments);

describe("sign-up from a page that asked for it (a graduate's invitation)", () => {
  it("carries the page through the verification link to the sign-in that follows", async () => {
    const invitation = "/graduate/Abc_def-0123456789xyzXYZ";
    const link = await verificationLink(`/kk${invitation}`);
    expect(link.pathname).toBe("/kk/auth/verify-email");
    expect(link.searchParams.get("token")).toMatch(/.{20,}/);
    // The verification page reads it again through the same rule before linking to sign-in.
    expect(signUpCallbackPath(link.searchParams.get("callbackUrl"))).toBe(invitation);
  });

  it.each([
    "https://evil.example/graduate/x",
    "//evil.example/graduate/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
  ])("drops %s: the link carries no callback", async (callbackUrl) => {
    const link = await verificationLink(callbackUrl);
    expect(link.searchParams.get("token")).toMatch(/.{20,}/);
    expect(link.searchParams.has("callbackUrl")).toBe(false);
  });

  it("a link without a callback stays as it was", async () => {
    const link = await verificationLink(undefined);
    expect([...link.searchParams.keys()]).toEqual(["token"]);
  });

  it("a forged callback in the verification page's query is not trusted either", () => {
    expect(signUpCallbackPath("https://evil.example/x")).toBeUndefined();
    expect(signUpCallbackPath(["/ru/graduate/t", "/evil"])).toBe("/graduate/t");
    expect(signUpCallbackPath(undefined)).toBeUndefined();
  });
});

describe("asking for another verification link", () => {
  async function resentLink(email: string, callbackUrl: string | undefined): Promise<URL> {
    await guest().public.auth.resendVerification({ email, locale: "kk", callbackUrl });
    const messages = await db.emailMessage.findMany({
      where: { toAddress: email, template: "verify-email" },
      orderBy: { id: "desc" },
      take: 1,
    });
    const href = /https?:\/\/[^\s"<>]+\/auth\/verify-email\?[^\s"<>]+/.exec(messages[0]?.text ?? "")?.[0];
    expect(href).toBeDefined();
    return new URL(href!.replace(/&amp;/g, "&"));
  }

  it("keeps the page the person signed up from", async () => {
    const first = await verificationLink("/kk/graduate/Resend_0123456789abcdefXYZ");
    const email = (
      await db.emailMessage.findFirstOrThrow({
        where: { template: "verify-email", text: { contains: first.searchParams.get("token")! } },
        select: { toAddress: true },
      })
    ).toAddress;
    const link = await resentLink(email, "/kk/graduate/Resend_0123456789abcdefXYZ");
    expect(link.searchParams.get("token")).not.toBe(first.searchParams.get("token"));
    expect(signUpCallbackPath(link.searchParams.get("callbackUrl"))).toBe("/graduate/Resend_0123456789abcdefXYZ");
  });

  it("drops a callback of another site, like the sign-up does", async () => {
    const first = await verificationLink(undefined);
    const email = (
      await db.emailMessage.findFirstOrThrow({
        where: { template: "verify-email", text: { contains: first.searchParams.get("token")! } },
        select: { toAddress: true },
      })
    ).toAddress;
    const link = await resentLink(email, "https://evil.example/graduate/x");
    expect([...link.searchParams.keys()]).toEqual(["token"]);
  });
});
