import "server-only";
import type { Actor } from "../../auth/actor";
import { requirePermission } from "../../auth/permissions";
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { foldText, searchTerms, snippet } from "./fold-text";

const LIMIT = 50;
const UUID = /^[0-9a-f-]{36}$/i;
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Why trigrams (pg_trgm) and not a full-text parser: PostgreSQL's tsvector has no
 * Chinese word segmenter built in, and a segmenter (zhparser, jieba) is a native
 * extension that PGlite cannot load, so the search would differ between the embedded
 * and the production database. Trigrams need no segmenter and work the same on both:
 * - every term must occur in the folded title + body (ILIKE '%term%'); for terms of
 *   three or more characters the GIN gin_trgm_ops index answers that ILIKE, and a
 *   two-character Chinese term such as 折扣 (which makes no full trigram inside a run of
 *   Chinese text) is still found by the same ILIKE, scanning the few hundred articles;
 * - or, for a mistyped longer query, the word similarity operator (<%) finds the
 *   article whose text holds most of the query's trigrams.
 * Ranking: a term in the title counts three, in the body one, plus the word similarity.
 */
function searchSql(terms: string[], q: string, categoryId: string | null) {
  const inTitle = terms.map((t) => Prisma.sql`(CASE WHEN split_part(a."searchText", E'\n', 1) ILIKE ${likePattern(t)} THEN 3 ELSE 0 END)`);
  const inText = terms.map((t) => Prisma.sql`a."searchText" ILIKE ${likePattern(t)}`);
  const category = categoryId ? Prisma.sql`a."categoryId" = ${categoryId} AND` : Prisma.empty;
  return Prisma.sql`
    SELECT a.id, (${Prisma.join(inTitle, " + ")}
      + ${Prisma.join(inText.map((c) => Prisma.sql`(CASE WHEN ${c} THEN 1 ELSE 0 END)`), " + ")}
      + word_similarity(${q}, a."searchText"))::float8 AS score
    FROM "KnowledgeArticle" a
    WHERE ${category} ((${Prisma.join(inText, " AND ")}) OR (char_length(${q}) >= 3 AND ${q} <% a."searchText"))
    ORDER BY score DESC, a."updatedAt" DESC, a.id
    LIMIT ${LIMIT}`;
}

/**
 * The knowledge base (CRM-0) for everyone in sales (crm.view): the categories with
 * their article counts, and the articles of one category or all, searched when a
 * query is given (ranked, the query's terms marked in each snippet), else newest first.
 */
export async function searchKnowledge(db: Db, who: Actor | null, query: { q?: string; category?: string }) {
  requirePermission(who, "crm.view");
  const terms = searchTerms(query.q ?? "");
  const categoryId = query.category && UUID.test(query.category) ? query.category : null;
  const categories = await db.knowledgeCategory.findMany({ orderBy: [{ sort: "asc" }, { nameZh: "asc" }], select: { id: true, nameZh: true, nameEn: true, _count: { select: { articles: true } } } });
  let ids: string[] | null = null;
  if (terms.length) ids = (await db.$queryRaw<{ id: string }[]>(searchSql(terms, foldText(terms.join(" ")), categoryId))).map((r) => r.id);
  const rows = await db.knowledgeArticle.findMany({
    where: ids ? { id: { in: ids } } : categoryId ? { categoryId } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, title: true, body: true, updatedAt: true, categoryId: true },
  });
  const order = new Map((ids ?? []).map((id, i) => [id, i]));
  if (ids) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    categories: categories.map(({ _count, ...c }) => ({ ...c, count: _count.articles })),
    terms,
    articles: rows.map(({ body, ...a }) => ({ ...a, snippet: snippet(body, terms) })),
  };
}
