import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { isAppError } from "../errors/app-error";
import { logger } from "../log/logger";
import { signIn, type RealmName } from "./sign-in";

export const SESSION_MAX_AGE_S = Number(process.env.SESSION_MAX_AGE_S ?? 8 * 60 * 60);

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || (typeof headers?.["x-real-ip"] === "string" ? (headers["x-real-ip"] as string) : "unknown");
}

function realmProvider(realm: RealmName) {
  return CredentialsProvider({
    id: realm,
    name: realm,
    credentials: { username: { type: "text" }, password: { type: "password" } },
    async authorize(credentials, req) {
      const username = String(credentials?.username ?? "");
      const password = String(credentials?.password ?? "");
      if (!username || !password) throw new Error("invalid_credentials");
      try {
        const db = await getDb();
        const { id } = await signIn(db, { realm, username, password, ip: clientIp(req?.headers) });
        return { id, realm };
      } catch (e) {
        // next-auth hands the message to the client, which shows the translated code.
        if (isAppError(e)) throw new Error(e.code === "throttled" ? `throttled:${e.params.minutes}` : e.code);
        logger.error({ err: e }, "sign-in failed unexpectedly");
        throw new Error("internal");
      }
    },
  });
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [realmProvider("employee"), realmProvider("supplier")],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.realm = (user as { realm?: RealmName }).realm;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, realm: token.realm, userId: token.sub };
    },
  },
};
