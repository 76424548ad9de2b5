-- The admin console's metrics count rows per day over a range of days: these let each count read
-- only its range (vacancies, digest deliveries and the audit log have such indexes already).
CREATE INDEX "users_created_at_idx" ON "users"("created_at");
CREATE INDEX "organizations_created_at_idx" ON "organizations"("created_at");
CREATE INDEX "applications_created_at_idx" ON "applications"("created_at");
CREATE INDEX "ledger_entries_kind_created_at_idx" ON "ledger_entries"("kind", "created_at");
