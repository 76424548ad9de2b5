-- Retention of unused accounts (SPEC §3, Q 10.8): the job finds accounts by their last activity
-- and remembers when it warned their owner.
ALTER TABLE "users" ADD COLUMN "inactivity_reminded_at" TIMESTAMPTZ(3);
CREATE INDEX "users_last_active_at_idx" ON "users"("last_active_at");

-- An organisation deleted on request keeps its row only when billing records refer to it.
ALTER TABLE "organizations" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
CREATE INDEX "organizations_deletion_requested_at_idx" ON "organizations"("deletion_requested_at");
