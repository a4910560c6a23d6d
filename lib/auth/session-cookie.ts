import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { authOptions } from "./options";
import { SESSION_MAX_AGE_S } from "./session-age";

// next-auth's session cookie: the __Secure- name when the public URL is https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * After a user's own password change moved the account's session version on, this
 * session carries on and only this one: its token is issued again with the new version
 * (same session id, so sign-out still revokes it). Other sessions keep the old version
 * and end. Returns false when the request holds no token of that account.
 */
export async function reissueSessionToken(userId: string, sessionVersion: number): Promise<boolean> {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET ?? "";
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const token = await decode({ token: value, secret });
    if (!token || token.sub !== userId) return false;
    const fresh = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE_S });
    jar.set(name, fresh, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_S });
    return true;
  }
  return false;
}
