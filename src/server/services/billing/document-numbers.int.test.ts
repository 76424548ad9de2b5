import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { nextDocumentNumber } from "./document-numbers";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("document numbers", () => {
  it("have no gaps and no repeats under 20 concurrent issuers, some of which roll back", async () => {
    const year = 2031;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(
          async (tx) => {
            const taken = await nextDocumentNumber(tx, "INVOICE", year);
            await pause(10);
            if (i % 4 === 0) throw new Error(`issuer ${i} gives up`);
            return taken;
          },
          { maxWait: 20_000, timeout: 20_000 },
        ),
      ),
    );
    const committed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(committed).toHaveLength(15);
    expect(committed.map((n) => n.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(new Set(committed.map((n) => n.number)).size).toBe(15);
    expect(committed.map((n) => n.number)).toContain("СЧ-2031-000015");
    expect(await db.documentCounter.findUniqueOrThrow({ where: { kind_year: { kind: "INVOICE", year } } })).toMatchObject({
      last: 15,
    });
  });

  it("count each kind and year on its own", async () => {
    const take = (kind: "INVOICE" | "ACT" | "ORDER", year: number) => db.$transaction((tx) => nextDocumentNumber(tx, kind, year));
    expect((await take("ACT", 2032)).number).toBe("АВР-2032-000001");
    expect((await take("ACT", 2032)).number).toBe("АВР-2032-000002");
    expect((await take("ACT", 2033)).number).toBe("АВР-2033-000001");
    expect((await take("INVOICE", 2032)).number).toBe("СЧ-2032-000001");
    expect((await take("ORDER", 2032)).number).toBe("JM-2032-000001");
  });
});
