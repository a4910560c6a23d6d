import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { isAppError } from "../errors/app-error";
import { requestAddress } from "../http/client-address";
import { logger } from "../log/logger";
import { SESSION_MAX_AGE_S } from "./session-age";
import { signIn, type RealmName } from "./sign-in";
import { endSession } from "./sign-out";


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
        const { id, sessionVersion } = await signIn(db, { realm, username, password, ip: requestAddress(req?.headers) });
        return { id, realm, sessionVersion };
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
        const signedIn = user as { realm?: RealmName; sessionVersion?: number };
        token.sub = user.id;
        token.realm = signedIn.realm;
        // The account's session version at sign-in (a new password moves it on), and this
        // session's own id (sign-out revokes it): currentActor refuses the token after either.
        token.sv = signedIn.sessionVersion;
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, realm: token.realm, userId: token.sub, sessionVersion: token.sv, sid: token.sid };
    },
  },
  events: {
    // next-auth only clears the cookie; the token itself would stay valid for its whole lifetime.
    async signOut({ token }) {
      try {
        await endSession(await getDb(), { realm: token?.realm, userId: token?.sub, sessionVersion: token?.sv, sid: token?.sid, exp: token?.exp });
      } catch (e) {
        logger.error({ err: e }, "ending the session on sign-out failed");
      }
    },
  },
};
