import { describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";

import { walkLength, walkSql, type NewestWalk } from "./newest-matches";

const table: NewestWalk = { where: Prisma.sql`TRUE`, walkRows: 10_000 };
const place: NewestWalk = { ...table, walkFrom: Prisma.sql`rs.region_id = 1` };

describe("the length of the newest-first walk", () => {
  it("reads walkRows, and ten more per row skipped, when nothing is known of the rows under it", () => {
    expect(walkLength(table, 20, 0)).toBe(10_000);
    expect(walkLength(place, 1_000, 980)).toBe(19_800);
  });

  it("stops where the index finds the matches more cheaply: sqrt(k * needed * rows)", () => {
    // The whole table's newest rows lie together (k = 6); a place's lie apart (k = 2).
    expect(walkLength({ ...table, fromRows: 460_000 }, 20, 0)).toBe(Math.ceil(Math.sqrt(6 * 20 * 460_000)));
    expect(walkLength({ ...place, fromRows: 23_000 }, 20, 0)).toBe(Math.ceil(Math.sqrt(2 * 20 * 23_000)));
    // Never more than the bound without the estimate.
    expect(walkLength({ ...table, fromRows: 10_000_000 }, 200, 0)).toBe(10_000);
    expect(walkLength({ ...table, fromRows: 10_000_000 }, 1_000, 980)).toBe(19_800);
  });

  it("writes that length into the walk", () => {
    const sql = walkSql(
      { table: "resume_search", alias: "rs", id: "resume_id", date: "updated_at" },
      { ...place, fromRows: 23_000 },
      200,
      0,
      20,
    );
    expect(sql.values).toContain(Math.ceil(Math.sqrt(2 * 20 * 23_000)));
    expect(sql.sql).toContain("rs.region_id = 1");
    const whole = walkSql({ table: "resume_search", alias: "rs", id: "resume_id", date: "updated_at" }, table, 20, 0);
    expect(whole.sql).toContain("WHERE TRUE");
    expect(whole.values).toContain(10_000);
  });
});
