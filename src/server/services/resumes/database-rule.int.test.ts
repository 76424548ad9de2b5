import { describe, expect, it } from "vitest";

import type { OrgVerification, ResumeModeration, ResumeVisibility } from "@/generated/prisma/enums";
import { organizationSeesResumeDatabase, resumeIsListed } from "@/lib/resume-database-rule";
import { db } from "@/server/db";

// The resume database's rule is written twice (SQL for the search table, TypeScript for opening
// one resume): every combination of the facts must get the same answer from both.

const VISIBILITIES: ResumeVisibility[] = ["ALL", "APPLIED_ONLY", "HIDDEN", "ALL_EXCEPT"];
const MODERATIONS: ResumeModeration[] = ["CLEAR", "FLAGGED", "HIDDEN", "REVIEW"];
const VERIFICATIONS: OrgVerification[] = ["UNVERIFIED", "PENDING", "VERIFIED", "REJECTED"];
const BLOCKED = [null, new Date("2026-11-01T00:00:00Z")];

describe("the resume database rule", () => {
  it("lists the same resumes in SQL and in TypeScript", async () => {
    const cases = VISIBILITIES.flatMap((visibility) =>
      MODERATIONS.flatMap((moderation) => BLOCKED.map((ownerBlockedAt) => ({ visibility, moderation, ownerBlockedAt }))),
    );
    for (const c of cases) {
      const [row] = await db.$queryRaw<{ listed: boolean }[]>`
        SELECT resume_is_listed(${c.visibility}::"ResumeVisibility", ${c.moderation}::"ResumeModeration", ${c.ownerBlockedAt}::timestamptz) AS listed`;
      expect({ ...c, listed: row?.listed }).toEqual({ ...c, listed: resumeIsListed(c) });
    }
    expect(cases.filter(resumeIsListed).map((c) => c.visibility)).toEqual(["ALL", "ALL", "ALL_EXCEPT", "ALL_EXCEPT"]);
  });

  it("admits the same organisations in SQL and in TypeScript", async () => {
    for (const verification of VERIFICATIONS) {
      for (const blockedAt of BLOCKED) {
        const [row] = await db.$queryRaw<{ sees: boolean }[]>`
          SELECT organization_sees_resume_database(${verification}::"OrgVerification", ${blockedAt}::timestamptz) AS sees`;
        expect({ verification, blockedAt, sees: row?.sees }).toEqual({
          verification,
          blockedAt,
          sees: organizationSeesResumeDatabase({ verification, blockedAt }),
        });
      }
    }
  });
});
