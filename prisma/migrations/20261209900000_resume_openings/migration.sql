-- The resume database: every opening of a resume's contacts, and the daily counters behind the
-- caps of H 3.5 (per organisation and per member, by Almaty day).
CREATE TYPE "ResumeOpeningKind" AS ENUM ('PAID', 'APPLICANT', 'REOPEN');

CREATE TABLE "resume_openings" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "resume_id" INTEGER NOT NULL,
    "access_id" INTEGER,
    "entitlement_id" INTEGER,
    "kind" "ResumeOpeningKind" NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resume_openings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "resume_opening_days" (
    "organization_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "openings" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "resume_opening_days_pkey" PRIMARY KEY ("organization_id", "day")
);

CREATE TABLE "resume_opening_member_days" (
    "organization_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "openings" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "resume_opening_member_days_pkey" PRIMARY KEY ("organization_id", "user_id", "day")
);

CREATE INDEX "resume_openings_organization_id_opened_at_idx" ON "resume_openings"("organization_id", "opened_at");
CREATE INDEX "resume_openings_organization_id_resume_id_access_id_idx" ON "resume_openings"("organization_id", "resume_id", "access_id");
CREATE INDEX "resume_openings_resume_id_opened_at_idx" ON "resume_openings"("resume_id", "opened_at");
CREATE INDEX "resume_openings_access_id_kind_idx" ON "resume_openings"("access_id", "kind");
CREATE INDEX "resume_opening_member_days_user_id_idx" ON "resume_opening_member_days"("user_id");

ALTER TABLE "resume_openings" ADD CONSTRAINT "resume_openings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resume_openings" ADD CONSTRAINT "resume_openings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "resume_openings" ADD CONSTRAINT "resume_openings_resume_id_fkey" FOREIGN KEY ("resume_id") REFERENCES "resumes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resume_openings" ADD CONSTRAINT "resume_openings_access_id_fkey" FOREIGN KEY ("access_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "resume_openings" ADD CONSTRAINT "resume_openings_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "resume_opening_days" ADD CONSTRAINT "resume_opening_days_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resume_opening_member_days" ADD CONSTRAINT "resume_opening_member_days_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resume_opening_member_days" ADD CONSTRAINT "resume_opening_member_days_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
