-- An application knows how it started: the seeker applied, or the organisation invited the seeker
-- from a resume it may see (who invited, when). Invitations per vacancy are counted against the
-- cap of 2,000 (SPEC §4, H 4.1.1): the index lets that count read one vacancy's invitations only.
CREATE TYPE "ApplicationOrigin" AS ENUM ('SEEKER', 'EMPLOYER');

ALTER TABLE "applications"
  ADD COLUMN "origin" "ApplicationOrigin" NOT NULL DEFAULT 'SEEKER',
  ADD COLUMN "invited_by_id" INTEGER,
  ADD COLUMN "invited_at" TIMESTAMPTZ(3),
  ADD CONSTRAINT "applications_invitation_check" CHECK (("origin" = 'EMPLOYER') = ("invited_at" IS NOT NULL));

CREATE INDEX "applications_vacancy_id_origin_idx" ON "applications"("vacancy_id", "origin");

ALTER TABLE "applications" ADD CONSTRAINT "applications_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
