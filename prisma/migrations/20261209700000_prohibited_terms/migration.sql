-- The prohibited-words list (ru/kk profanity and prohibited content) and resume moderation:
-- flags on resumes and organisations, a resume hidden with a reason, complaints about a resume.

-- CreateEnum
CREATE TYPE "TermLanguage" AS ENUM ('ru', 'kk', 'both');

-- CreateEnum
CREATE TYPE "TermKind" AS ENUM ('PROFANITY', 'PROHIBITED');

-- CreateEnum
CREATE TYPE "TermMatch" AS ENUM ('WORD', 'STEM');

-- CreateEnum
CREATE TYPE "ResumeModeration" AS ENUM ('CLEAR', 'FLAGGED', 'HIDDEN', 'REVIEW');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "moderation_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "flagged_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "resumes" ADD COLUMN "moderation" "ResumeModeration" NOT NULL DEFAULT 'CLEAR',
ADD COLUMN "moderation_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "moderation_queued_at" TIMESTAMPTZ(3),
ADD COLUMN "hidden_reason" VARCHAR(1000),
ADD COLUMN "hidden_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN "resume_id" INTEGER;

-- CreateTable
CREATE TABLE "prohibited_terms" (
    "id" SERIAL NOT NULL,
    "term" VARCHAR(100) NOT NULL,
    "language" "TermLanguage" NOT NULL,
    "kind" "TermKind" NOT NULL,
    "match" "TermMatch" NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prohibited_terms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "prohibited_terms_term_key" ON "prohibited_terms"("term");

-- CreateIndex
CREATE INDEX "organizations_flagged_at_idx" ON "organizations"("flagged_at");

-- CreateIndex
CREATE INDEX "resumes_moderation_moderation_queued_at_idx" ON "resumes"("moderation", "moderation_queued_at");

-- CreateIndex
CREATE INDEX "tickets_resume_id_idx" ON "tickets"("resume_id");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_resume_id_fkey" FOREIGN KEY ("resume_id") REFERENCES "resumes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "prohibited_terms" ADD CONSTRAINT "prohibited_terms_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
