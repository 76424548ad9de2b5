import NextAuth from "next-auth";

import { authOptions } from "@/server/auth/auth-options";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // next-auth 4 reads params synchronously; Next 16 gives a Promise.
  const params = await ctx.params;
  const nextAuth = NextAuth(authOptions()) as unknown as (r: Request, c: { params: { nextauth: string[] } }) => Promise<Response>;
  return nextAuth(req, { params });
}

export const GET: Handler = handler;
export const POST: Handler = handler;
