/** How long a session token lasts (SESSION_MAX_AGE_S, default 8 hours). */
export const SESSION_MAX_AGE_S = Number(process.env.SESSION_MAX_AGE_S ?? 8 * 60 * 60);
