import { Prisma } from "@/generated/prisma/client";
import { compileTerms, findTerms, termFlag, type CompiledTerms } from "@/lib/moderation-terms/match-terms";
import { addTermSchema, termIdSchema, termListSchema } from "@/lib/validation/moderation";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { audit, type UserActor } from "@/server/audit";

// The admin-edited list of profanity and prohibited content. The compiled list is kept in the
// process and checked against the table with one tiny aggregate (count and last id) per use, so a
// change made through another server process is seen at its next use too; it is compiled again
// only when that fingerprint moved. Adding a term raises the last id, removing one lowers the count.

type Reader = Pick<DbTx, "prohibitedTerm">;

let cached: { fingerprint: string; compiled: CompiledTerms } | null = null;

async function fingerprintOf(reader: Reader): Promise<string> {
  const { _count, _max } = await reader.prohibitedTerm.aggregate({ _count: { _all: true }, _max: { id: true } });
  return `${_count._all}:${_max.id ?? 0}`;
}

/** The compiled list, from the process cache while the table has not changed. */
export async function compiledTerms(reader: Reader = db): Promise<CompiledTerms> {
  const fingerprint = await fingerprintOf(reader);
  if (cached?.fingerprint === fingerprint) return cached.compiled;
  const entries = await reader.prohibitedTerm.findMany({ select: { term: true, language: true, kind: true, match: true } });
  const compiled = compileTerms(entries);
  cached = { fingerprint, compiled };
  return compiled;
}

/** Drops the process cache (after a change here; other processes see the fingerprint move). */
function invalidate() {
  cached = null;
}

/** The flags of the list's terms found in the texts ("profanity:<term>", "prohibited:<term>"). */
export async function termFlagsFor(texts: readonly (string | null | undefined)[], reader: Reader = db): Promise<string[]> {
  const compiled = await compiledTerms(reader);
  return findTerms(compiled, texts).map(termFlag);
}

export async function listTerms(raw: unknown = {}) {
  const input = termListSchema.parse(raw ?? {});
  return db.prohibitedTerm.findMany({
    where: {
      ...(input.language ? { language: input.language } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.q ? { term: { contains: input.q.toLowerCase().replace(/ё/g, "е") } } : {}),
    },
    orderBy: [{ term: "asc" }],
    take: 1000,
    select: {
      id: true,
      term: true,
      language: true,
      kind: true,
      match: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** Adds a term (normalised); the same term twice is refused with the field's error. */
export async function addTerm(raw: unknown, actor: UserActor) {
  const input = addTermSchema.parse(raw);
  try {
    const created = await db.$transaction(async (tx) => {
      const term = await tx.prohibitedTerm.create({
        data: { ...input, createdById: actor.userId },
        select: { id: true, term: true, language: true, kind: true, match: true },
      });
      await audit(
        tx,
        actor,
        "moderation.term.add",
        { type: "prohibited_term", id: term.id },
        { data: { term: term.term, language: term.language, kind: term.kind, match: term.match } },
      );
      return term;
    });
    invalidate();
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("CONFLICT", "errors.terms.duplicate", { field: "term" });
    }
    throw error;
  }
}

/** Removes a term. Flags already stored on texts stay as they were found. */
export async function removeTerm(raw: unknown, actor: UserActor) {
  const { termId } = termIdSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const term = await tx.prohibitedTerm.findUnique({
      where: { id: termId },
      select: { id: true, term: true, language: true, kind: true, match: true },
    });
    if (!term) throw new DomainError("NOT_FOUND", "errors.terms.notFound");
    await tx.prohibitedTerm.delete({ where: { id: term.id } });
    await audit(
      tx,
      actor,
      "moderation.term.remove",
      { type: "prohibited_term", id: term.id },
      { data: { term: term.term, language: term.language, kind: term.kind, match: term.match } },
    );
  });
  invalidate();
  return { ok: true };
}
