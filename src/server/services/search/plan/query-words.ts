import { LRUCache } from "lru-cache";

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { MAX_TOKENS } from "@/lib/search/params";

// How the words of a query are searched, for the search page and the digest alike. Russian words
// are matched by stem, every word also by prefix (Kazakh has no stemmer: "жүргізуші" finds
// "жүргізушілер"), stop words are dropped, and a word the vocabulary (`search_terms`) does not
// know is also matched through its nearest known word by trigram similarity (typos, wrong
// keyboard letters). A query matches a vacancy when every planned word does. A prefix is asked
// as the exact words of the search vectors that start with it while they are few (search_lexemes,
// migration 20261210300000_search_lexemes): the same rows match, and the GIN index answers faster.

const MIN_SIMILARITY = 0.4;
/**
 * A prefix is searched as the exact words that start with it (search_lexemes) while there are at
 * most this many: the GIN index skips through exact words' postings, but loads every posting of a
 * prefix into a bitmap first (58 ms against 13 ms for a common word at a million vacancies).
 */
export const MAX_PREFIX_WORDS = 32;
/** Words looked up per statement. */
const LOOKUP_CHUNK = 1000;

/**
 * The words of the search vectors that start with a prefix, when they are few enough to be asked
 * for exactly (MAX_PREFIX_WORDS); null (or absent) to search the prefix as such.
 */
export type PrefixWords = readonly string[] | null | undefined;

/** What the vocabulary says about one word. */
export interface WordInfo {
  stopword: boolean;
  /** The known word it is also matched as, when the vocabulary does not know it. */
  suggestion: string | null;
  /** The words that start with the folded word, and with the suggestion. */
  prefixWords?: PrefixWords;
  suggestionPrefixWords?: PrefixWords;
}

/** One word of a query as it is searched. */
export interface WordPlan {
  /** The word as typed (lower case). */
  token: string;
  /** The known word it is also matched as (a correction), if any. */
  alternative: string | null;
  /** The words that start with the folded word, and with the alternative (see WordInfo). */
  prefixWords?: PrefixWords;
  alternativePrefixWords?: PrefixWords;
}

/** Words fit to be written into a tsquery as quoted lexemes; anything else keeps the prefix. */
function exactWords(words: readonly string[] | null): PrefixWords {
  if (words === null || words.length > MAX_PREFIX_WORDS) return null;
  return words.every((w) => w.length > 0 && !/['\\]/.test(w)) ? words : null;
}

export interface Correction {
  from: string;
  to: string;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** The words of a query that can be searched: letters and digits only, so no tsquery syntax survives. */
export function queryTokens(q: string): string[] {
  const tokens: string[] = [];
  for (const match of q.toLowerCase().matchAll(TOKEN)) {
    const token = match[0].slice(0, 40);
    if (token.length < 2 && !/^\d$/.test(token)) continue;
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === MAX_TOKENS) break;
  }
  return tokens;
}

/**
 * Asks the vocabulary about these words, many at once (each word's answer is its own). A word is
 * "known" when a vocabulary word starts with it or with its Russian stem; that is asked as the byte
 * range prefix ≤ word < prefix || U+10FFFF, which the text_pattern_ops index answers with one probe
 * (a parameterised LIKE 'prefix%' cannot use it and scans the vocabulary per word).
 */
export async function lookupWords(db: Pick<Db, "$queryRaw">, tokens: readonly string[]): Promise<Map<string, WordInfo>> {
  const words = new Map<string, WordInfo>();
  for (let i = 0; i < tokens.length; i += LOOKUP_CHUNK) {
    const chunk = tokens.slice(i, i + LOOKUP_CHUNK);
    const rows = await db.$queryRaw<
      {
        token: string;
        stopword: boolean;
        suggestion: string | null;
        prefix_words: string[] | null;
        suggestion_prefix_words: string[] | null;
      }[]
    >`
      SELECT w.token, w.stopword, w.suggestion,
             search_prefix_words(w.folded, length(w.token) >= 3, ${MAX_PREFIX_WORDS + 1}) AS prefix_words,
             search_prefix_words(w.suggestion, w.suggestion IS NOT NULL, ${MAX_PREFIX_WORDS + 1}) AS suggestion_prefix_words
      FROM (
        SELECT t.token, t.folded,
               numnode(to_tsquery('russian', t.folded)) = 0 AND t.token !~ '^[0-9]+$' AS stopword,
               CASE WHEN k.known THEN NULL ELSE (
                 SELECT st.word FROM search_terms st
                 WHERE st.word % t.folded AND similarity(st.word, t.folded) >= ${MIN_SIMILARITY}
                 ORDER BY st.word <-> t.folded, st.documents DESC
                 LIMIT 1
               ) END AS suggestion
        FROM (
          SELECT token, kk_fold(token) AS folded, (ts_lexize('russian_stem', kk_fold(token)))[1] AS stem
          FROM unnest(${chunk}::text[]) AS u(token)
        ) t
        CROSS JOIN LATERAL (
          SELECT EXISTS (
                   SELECT 1 FROM search_terms st WHERE st.word ~>=~ t.folded AND st.word ~<~ (t.folded || chr(1114111)))
              OR EXISTS (
                   SELECT 1 FROM search_terms st WHERE st.word ~>=~ t.stem AND st.word ~<~ (t.stem || chr(1114111)))
            AS known
        ) k
      ) w`;
    for (const row of rows)
      words.set(row.token, {
        stopword: row.stopword,
        suggestion: row.suggestion,
        prefixWords: exactWords(row.prefix_words),
        suggestionPrefixWords: exactWords(row.suggestion_prefix_words),
      });
  }
  return words;
}

/**
 * The searched words of a query, given what the vocabulary says about its tokens: stop words
 * dropped, corrections attached (and reported, in the query's order).
 */
export function planWords(
  q: string,
  lookup: (token: string) => WordInfo | undefined,
): { words: WordPlan[]; corrections: Correction[] } {
  const words: WordPlan[] = [];
  const corrections: Correction[] = [];
  for (const token of queryTokens(q)) {
    const info = lookup(token);
    if (!info) throw new Error(`word not looked up: ${token}`);
    if (info.stopword) continue;
    const alternative = info.suggestion || null;
    words.push({
      token,
      alternative,
      ...(info.prefixWords ? { prefixWords: info.prefixWords } : {}),
      ...(alternative && info.suggestionPrefixWords ? { alternativePrefixWords: info.suggestionPrefixWords } : {}),
    });
    if (info.suggestion) corrections.push({ from: token, to: info.suggestion });
  }
  return { words, corrections };
}

/** A prefix's part of a word's tsquery: its exact words when known (none: no part), or the prefix itself. */
function prefixTsQuery(prefix: Prisma.Sql, words: PrefixWords): Prisma.Sql | null {
  if (!words) return Prisma.sql`to_tsquery('simple', ${prefix} || ':*')`;
  if (words.length === 0) return null;
  return Prisma.sql`${words.map((w) => `'${w}'`).join(" | ")}::tsquery`;
}

/**
 * One word's tsquery: its Russian stem OR the word itself (a prefix from three letters on) OR its
 * correction as a prefix; a prefix is asked as the exact words that start with it while they are
 * few (MAX_PREFIX_WORDS). Both the search page and the digest match a word with exactly this.
 */
export function wordTsQuery({ token, alternative, prefixWords, alternativePrefixWords }: WordPlan): Prisma.Sql {
  const parts: (Prisma.Sql | null)[] = [Prisma.sql`to_tsquery('russian', kk_fold(${token}))`];
  parts.push(
    token.length >= 3
      ? prefixTsQuery(Prisma.sql`kk_fold(${token})`, prefixWords)
      : Prisma.sql`to_tsquery('simple', kk_fold(${token}))`,
  );
  if (alternative !== null) parts.push(prefixTsQuery(Prisma.sql`${alternative}`, alternativePrefixWords));
  return Prisma.sql`(${Prisma.join(
    parts.filter((part) => part !== null),
    " || ",
  )})`;
}

/** The query's tsquery: every word must match. Null when no word is left to search. */
export function queryTsQuery(words: readonly WordPlan[]): Prisma.Sql | null {
  if (words.length === 0) return null;
  return Prisma.sql`(${Prisma.join(words.map(wordTsQuery), " && ")})`;
}

export interface QueryPlan {
  words: WordPlan[];
  corrections: Correction[];
  tsquery: Prisma.Sql | null;
}

/**
 * What the vocabulary said about a word, kept for the vacancy search for a short while: a search
 * asks about the same few hundred words over and over, and the lookup (stem, prefix words, nearest
 * known word) is a round trip of its own before anything else can run. The vocabulary only changes
 * with the search rows, so `forgetPlannedWords` (after every refresh of the search table on this
 * server, and with the cached searches) starts afresh; other servers see a new word within
 * WORD_CACHE_TTL_MS, as their cached searches do.
 */
export const WORD_CACHE_TTL_MS = 30_000;

type WordCache = LRUCache<string, WordInfo>;
// Per client (tests and scripts each have their own database), and on globalThis because each
// route's server bundle may hold its own copy of this module.
const globalForWords = globalThis as unknown as { jumysWordCaches?: { generation: number; byDb: WeakMap<object, WordCache> } };
const wordCaches = (globalForWords.jumysWordCaches ??= { generation: 0, byDb: new WeakMap() });

function wordCacheOf(db: object): WordCache {
  let cache = wordCaches.byDb.get(db);
  if (!cache) {
    cache = new LRUCache({ max: 20_000, ttl: WORD_CACHE_TTL_MS });
    wordCaches.byDb.set(db, cache);
  }
  return cache;
}

/** The search rows changed on this server: words are looked up again. */
export function forgetPlannedWords(): void {
  wordCaches.generation += 1;
}

/**
 * Plans a query's words against the vocabulary and builds its tsquery. `cached`: what was looked up
 * in the last WORD_CACHE_TTL_MS may answer (the vacancy search; see WORD_CACHE_TTL_MS).
 */
export async function planQuery(db: Pick<Db, "$queryRaw">, q: string, options: { cached?: boolean } = {}): Promise<QueryPlan> {
  const tokens = queryTokens(q);
  const cache = options.cached ? wordCacheOf(db) : null;
  const key = (token: string) => `${wordCaches.generation}:${token}`;
  const known = new Map<string, WordInfo>();
  for (const token of tokens) {
    const hit = cache?.get(key(token));
    if (hit) known.set(token, hit);
  }
  const missing = tokens.filter((token) => !known.has(token));
  if (missing.length > 0) {
    // The generation as it was when asked: a refresh meanwhile must not keep the older answer.
    const asked = missing.map(key);
    const looked = await lookupWords(db, missing);
    missing.forEach((token, i) => {
      const info = looked.get(token);
      if (!info) return;
      known.set(token, info);
      cache?.set(asked[i] as string, info);
    });
  }
  const { words, corrections } = planWords(q, (token) => known.get(token));
  return { words, corrections, tsquery: queryTsQuery(words) };
}
