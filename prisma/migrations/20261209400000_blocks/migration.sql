-- Blocking organisations and user accounts, with one appeal per block (SPEC §8).
--
-- What schema.prisma cannot describe is here only: a block names exactly one of an organisation
-- or a user (CHECK), and at most one block of each is in force (partial unique indexes).

-- AlterEnum
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'BLOCK_APPEAL';

-- CreateEnum
CREATE TYPE "AppealDecision" AS ENUM ('UPHELD', 'LIFTED');

-- CreateTable
CREATE TABLE "blocks" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER,
    "user_id" INTEGER,
    "reason" VARCHAR(1000) NOT NULL,
    "blocked_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lifted_at" TIMESTAMPTZ(3),
    "lifted_by_id" INTEGER,
    "lift_note" VARCHAR(1000),

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "blocks_one_target_check" CHECK (num_nonnulls("organization_id", "user_id") = 1)
);

-- CreateTable
CREATE TABLE "block_appeals" (
    "id" SERIAL NOT NULL,
    "block_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "text" VARCHAR(4000) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "AppealDecision",
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" INTEGER,
    "decision_note" VARCHAR(1000),

    CONSTRAINT "block_appeals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "block_appeals_decided_check" CHECK (("decision" IS NULL) = ("decided_at" IS NULL))
);

-- CreateIndex
CREATE INDEX "blocks_organization_id_idx" ON "blocks"("organization_id");

-- CreateIndex
CREATE INDEX "blocks_user_id_idx" ON "blocks"("user_id");

-- At most one block in force per organisation and per user.
CREATE UNIQUE INDEX "blocks_one_active_per_organization_key" ON "blocks"("organization_id") WHERE "lifted_at" IS NULL;
CREATE UNIQUE INDEX "blocks_one_active_per_user_key" ON "blocks"("user_id") WHERE "lifted_at" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "block_appeals_block_id_key" ON "block_appeals"("block_id");

-- CreateIndex
CREATE INDEX "block_appeals_decided_at_created_at_idx" ON "block_appeals"("decided_at", "created_at");

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocked_by_id_fkey" FOREIGN KEY ("blocked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_lifted_by_id_fkey" FOREIGN KEY ("lifted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block_appeals" ADD CONSTRAINT "block_appeals_block_id_fkey" FOREIGN KEY ("block_id") REFERENCES "blocks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block_appeals" ADD CONSTRAINT "block_appeals_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "block_appeals" ADD CONSTRAINT "block_appeals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
