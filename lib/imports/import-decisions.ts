/** What the user may do with a group of duplicate rows (shared by the page and the server; skip is the default). */
export const DUPLICATE_DECISIONS = ["skip", "update", "create"] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];
