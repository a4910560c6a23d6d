/** What the user may do with a group of duplicate rows (shared by the page and the server; skip is the default). */
export const DUPLICATE_DECISIONS = ["skip", "update", "create"] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/** A target field as the page lists it for mapping. */
export type ImportFieldView = { key: string; required: boolean };

type ProblemLike = { key: string; params?: Record<string, string | number>; field?: string };

/**
 * A row's problems in the reader's language, each after its column's name (the page and
 * the error report), unless the message names the column itself already.
 */
export function problemText(problems: ProblemLike[], columnName: (field: string) => string, t: (key: string, params: Record<string, string | number>) => string): string {
  return problems
    .map((p) => {
      const text = t(p.key, p.params ?? {});
      const column = p.field ? columnName(p.field) : "";
      return column && !text.startsWith(column) ? `${column}：${text}` : text;
    })
    .join("；");
}
