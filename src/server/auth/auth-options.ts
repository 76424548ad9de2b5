import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getEnv } from "@/env";
import { defaultLocale } from "@/i18n/routing";
import { encodeAuthError } from "@/lib/auth-error";
import { safeSameOriginUrl } from "@/lib/safe-callback";
import { isDomainError } from "@/server/errors";
import { requestMeta } from "@/server/request-meta";
import { signInWithCode, signInWithPassword } from "@/server/services/auth/authenticate";
import { SESSION_DAYS, revokeSession } from "@/server/services/auth/sessions";

// next-auth passes the thrown message to the client as `error`: we pass catalogue keys.
async function authorizeWith(run: () => Promise<string>) {
  try {
    const sessionId = await run();
    return { id: sessionId, sessionId };
  } catch (e) {
    if (isDomainError(e)) throw new Error(encodeAuthError(e.messageKey, e.options.params));
    throw e;
  }
}

export function authOptions(): NextAuthOptions {
  const env = getEnv();
  // next-auth builds its own callback URLs from NEXTAUTH_URL; ours is APP_URL.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
    pages: { signIn: "/ru/auth/sign-in", error: "/ru/auth/sign-in" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) =>
          authorizeWith(() => signInWithPassword(credentials?.email, credentials?.password, requestMeta(req.headers))),
      }),
      CredentialsProvider({
        id: "code",
        name: "code",
        credentials: { email: { type: "email" }, code: { type: "text" } },
        authorize: (credentials, req) =>
          authorizeWith(() => signInWithCode(credentials?.email, credentials?.code, requestMeta(req.headers))),
      }),
    ],
    callbacks: {
      // The token carries only the server-side session id; everything else is read per request.
      jwt({ token, user }) {
        if (user && "sessionId" in user && typeof user.sessionId === "string") {
          return { sid: user.sessionId };
        }
        return token;
      },
      // What /api/auth/session gives page scripts: the expiry only. The server reads the session
      // id from the token itself (current-user.ts), so it never reaches JavaScript.
      session({ session }) {
        return { expires: session.expires };
      },
      // Where next-auth sends the browser after signing in or out: a page of this site only. Any
      // other value (another host, one that only starts like ours, a malformed URL) goes home; it
      // never throws, so a crafted callbackUrl cannot turn into a 500.
      redirect({ url }) {
        return safeSameOriginUrl(url, env.APP_URL, `/${defaultLocale}`);
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid, "sign_out");
      },
    },
  };
}
