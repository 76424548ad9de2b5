-- Seeker cabinet: email preferences, changing one's email address, and the subscription digest's
-- per-seeker, per-day delivery record (what makes the digest job idempotent and resumable).

-- AlterEnum
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'CHANGE_EMAIL';

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('PENDING', 'SENT', 'EMPTY', 'FAILED');

-- AlterTable
ALTER TABLE "users" ADD COLUMN "notify_application_updates" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notify_digests" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "digest_deliveries" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "period_date" DATE NOT NULL,
    "cutoff_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'PENDING',
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "vacancy_count" INTEGER NOT NULL DEFAULT 0,
    "email_id" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "digest_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "digest_deliveries_user_id_period_date_key" ON "digest_deliveries"("user_id", "period_date");

-- CreateIndex
CREATE INDEX "digest_deliveries_period_date_status_idx" ON "digest_deliveries"("period_date", "status");

-- AddForeignKey
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
