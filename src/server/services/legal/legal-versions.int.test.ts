import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createUser, ensureLegalDocuments } from "../../../../test/support/factories";

import {
  compareLegalVersions,
  createLegalDraft,
  diffLegalVersions,
  getLegalVersion,
  listLegalVersions,
  publishLegalVersion,
  updateLegalDraft,
} from "./legal-versions";

const as = (userId: number) => ({ userId, ip: "127.0.0.1" });
const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError
        ? `${e.code} ${e.messageKey}${e.options.field ? ` ${e.options.field}` : ""}`
        : e instanceof Error && e.name === "ZodError"
          ? "invalid"
          : String(e),
  );
const texts = (over: Partial<{ titleRu: string; titleKk: string; bodyRu: string; bodyKk: string }> = {}) => ({
  titleRu: "Пользовательское соглашение",
  titleKk: "Пайдаланушы келісімі",
  bodyRu: "<h2>Общие положения</h2><p>Срок хранения данных — 5 лет.</p>",
  bodyKk: "<h2>Жалпы ережелер</h2><p>Деректерді сақтау мерзімі — 5 жыл.</p>",
  ...over,
});
const snapshot = (id: number) =>
  db.legalDocument.findUniqueOrThrow({
    where: { id },
    select: { titleRu: true, titleKk: true, bodyRu: true, bodyKk: true, publishedAt: true, version: true },
  });

let admin: { id: number };
beforeAll(async () => {
  await ensureLegalDocuments();
  admin = await createUser({ isSeeker: false, staffRole: "SUPERADMIN" });
});

describe("legal document versions", () => {
  it("drafts the next version from the one in force, edits, publishes it once and for all; every step audited", async () => {
    const draft = await createLegalDraft({ kind: "TERMS" }, as(admin.id));
    expect(draft).toMatchObject({ kind: "TERMS", version: 2 });
    const v1 = await db.legalDocument.findFirstOrThrow({ where: { kind: "TERMS", version: 1 }, select: { bodyRu: true } });
    expect((await getLegalVersion({ id: draft.id })).bodyRu).toBe(v1.bodyRu);
    expect(await refused(createLegalDraft({ kind: "TERMS" }, as(admin.id)))).toBe("CONFLICT errors.legal.draftExists");

    await updateLegalDraft(
      { id: draft.id, ...texts({ bodyRu: '<p onclick="x()">Срок хранения данных — 5 лет.</p><script>alert(1)</script>' }) },
      as(admin.id),
    );
    const saved = await getLegalVersion({ id: draft.id });
    expect(saved.bodyRu).toBe("<p>Срок хранения данных — 5 лет.</p>");
    expect(saved.publishedAt).toBeNull();
    let list = await listLegalVersions();
    expect(list.filter((v) => v.kind === "TERMS").map((v) => [v.version, v.publishedAt !== null, v.inForce])).toEqual([
      [2, false, false],
      [1, true, true],
    ]);

    const published = await publishLegalVersion({ id: draft.id }, as(admin.id));
    expect(published).toMatchObject({ kind: "TERMS", version: 2 });
    list = await listLegalVersions();
    expect(list.filter((v) => v.kind === "TERMS").map((v) => [v.version, v.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);

    // Published means immutable: neither edited nor published again, and nothing about it changes.
    const before = await snapshot(draft.id);
    expect(await refused(updateLegalDraft({ id: draft.id, ...texts({ titleRu: "Другое" }) }, as(admin.id)))).toBe(
      "CONFLICT errors.legal.alreadyPublished",
    );
    expect(await refused(publishLegalVersion({ id: draft.id }, as(admin.id)))).toBe("CONFLICT errors.legal.alreadyPublished");
    expect(await snapshot(draft.id)).toEqual(before);

    const log = await db.auditLog.findMany({
      where: { entityType: "legal_document", entityId: String(draft.id) },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(log).toEqual([
      { action: "legal.draft.create", actorId: admin.id, data: { kind: "TERMS", version: 2 } },
      { action: "legal.draft.update", actorId: admin.id, data: null },
      { action: "legal.publish", actorId: admin.id, data: { kind: "TERMS", version: 2 } },
    ]);
  });

  it("numbers versions per kind: the privacy policy has its own 2", async () => {
    const draft = await createLegalDraft({ kind: "PRIVACY" }, as(admin.id));
    expect(draft).toMatchObject({ kind: "PRIVACY", version: 2 });
  });

  it("refuses bad input and changes nothing", async () => {
    const draft = await db.legalDocument.findFirstOrThrow({
      where: { kind: "PRIVACY", publishedAt: null },
      select: { id: true },
    });
    const before = await snapshot(draft.id);
    const audited = () => db.auditLog.count({ where: { entityType: "legal_document", entityId: String(draft.id) } });
    const auditedBefore = await audited();
    const cases: [unknown, string][] = [
      [{ id: draft.id, ...texts({ titleRu: "   " }) }, "invalid"],
      [{ id: draft.id, ...texts({ titleKk: "т".repeat(201) }) }, "invalid"],
      [
        { id: draft.id, ...texts({ bodyRu: "<p> </p><script>alert(1)</script>" }) },
        "VALIDATION validation.legal.bodyRequired bodyRu",
      ],
      [{ id: draft.id, ...texts({ bodyKk: "" }) }, "VALIDATION validation.legal.bodyRequired bodyKk"],
      [{ id: draft.id, ...texts({ bodyRu: `<p>${"а".repeat(200_001)}</p>` }) }, "invalid"],
      [{ id: draft.id, ...texts(), titleRu: 5 }, "invalid"],
      [{ id: -1, ...texts() }, "invalid"],
      [{ id: 999_999, ...texts() }, "NOT_FOUND errors.legal.versionNotFound"],
      [{}, "invalid"],
    ];
    for (const [input, expected] of cases) expect(await refused(updateLegalDraft(input, as(admin.id)))).toBe(expected);
    expect(await refused(createLegalDraft({ kind: "OTHER" }, as(admin.id)))).toBe("invalid");
    expect(await refused(publishLegalVersion({ id: 999_999 }, as(admin.id)))).toBe("NOT_FOUND errors.legal.versionNotFound");
    expect(await refused(publishLegalVersion({ id: "1" }, as(admin.id)))).toBe("invalid");
    expect(await refused(getLegalVersion({ id: 999_999 }))).toBe("NOT_FOUND errors.legal.versionNotFound");
    expect(await snapshot(draft.id)).toEqual(before);
    expect(await audited()).toBe(auditedBefore);
  });

  it("does not publish a draft with a text missing in one language", async () => {
    const draft = await db.legalDocument.findFirstOrThrow({
      where: { kind: "PRIVACY", publishedAt: null },
      select: { id: true },
    });
    await db.legalDocument.update({ where: { id: draft.id }, data: { bodyKk: "<p></p>" } });
    expect(await refused(publishLegalVersion({ id: draft.id }, as(admin.id)))).toBe("VALIDATION errors.legal.incomplete");
    expect((await snapshot(draft.id)).publishedAt).toBeNull();
    // Finished, it publishes.
    await updateLegalDraft({ id: draft.id, ...texts() }, as(admin.id));
    expect(await publishLegalVersion({ id: draft.id }, as(admin.id))).toMatchObject({ kind: "PRIVACY", version: 2 });
  });

  it("compares two versions word by word in both languages; drafts only for staff", async () => {
    const diff = await diffLegalVersions({ kind: "TERMS", from: 1, to: 2 }, { publishedOnly: true });
    expect(diff.from.version).toBe(1);
    expect(diff.to.version).toBe(2);
    const added = (parts: { change: string; text: string }[]) =>
      parts
        .filter((p) => p.change === "added")
        .map((p) => p.text)
        .join("");
    expect(added(diff.ru.body)).toContain("Срок");
    expect(added(diff.kk.title)).toContain("Пайдаланушы");
    expect(diff.ru.body.some((p) => p.change === "removed")).toBe(true);

    const draft = await createLegalDraft({ kind: "TERMS" }, as(admin.id));
    await updateLegalDraft({ id: draft.id, ...texts({ bodyRu: "<p>Срок хранения данных — 3 года.</p>" }) }, as(admin.id));
    expect(await refused(diffLegalVersions({ kind: "TERMS", from: 2, to: 3 }, { publishedOnly: true }))).toBe(
      "NOT_FOUND errors.legal.versionNotFound",
    );
    const staff = await diffLegalVersions({ kind: "TERMS", from: 2, to: 3 }, { publishedOnly: false });
    expect(added(staff.ru.body)).toMatch(/3.*года/);
    expect(staff.kk.body.every((p) => p.change === "same")).toBe(true);

    expect(await refused(diffLegalVersions({ kind: "TERMS", from: 2, to: 2 }, { publishedOnly: false }))).toBe(
      "VALIDATION errors.legal.sameVersion",
    );
    expect(await refused(diffLegalVersions({ kind: "TERMS", from: 1, to: 99 }, { publishedOnly: false }))).toBe(
      "NOT_FOUND errors.legal.versionNotFound",
    );
    expect(await refused(diffLegalVersions({ kind: "TERMS", from: 0, to: 1 }, { publishedOnly: false }))).toBe("invalid");

    // The comparison page: the two newest by default; junk in the address falls back to defaults.
    const publicPage = await compareLegalVersions({ kind: "terms" }, { publishedOnly: true });
    expect(publicPage).toMatchObject({ kind: "TERMS", versions: [2, 1], from: 1, to: 2 });
    const staffPage = await compareLegalVersions({ kind: "TERMS", from: "x", to: "3" }, { publishedOnly: false });
    expect(staffPage).toMatchObject({ versions: [3, 2, 1], from: 2, to: 3 });
    expect((await compareLegalVersions({ kind: ["x"] }, { publishedOnly: true })).kind).toBe("TERMS");
  });
});
