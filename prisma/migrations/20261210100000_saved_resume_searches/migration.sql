-- A member's saved searches of the resume database, and the emails of their new matches.

-- CreateTable
CREATE TABLE "saved_resume_searches" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" VARCHAR(150) NOT NULL,
    "query" VARCHAR(2000) NOT NULL,
    "frequency" "SubscriptionFrequency" NOT NULL DEFAULT 'DAILY',
    "email_on" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_resume_searches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_resume_search_deliveries" (
    "id" SERIAL NOT NULL,
    "saved_search_id" INTEGER NOT NULL,
    "period_date" DATE NOT NULL,
    "cutoff_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'PENDING',
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "resume_count" INTEGER NOT NULL DEFAULT 0,
    "email_id" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "saved_resume_search_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "saved_resume_searches_user_id_organization_id_query_key" ON "saved_resume_searches"("user_id", "organization_id", "query");

-- CreateIndex
CREATE INDEX "saved_resume_searches_organization_id_idx" ON "saved_resume_searches"("organization_id");

-- CreateIndex
CREATE INDEX "saved_resume_searches_frequency_email_on_idx" ON "saved_resume_searches"("frequency", "email_on");

-- CreateIndex
CREATE UNIQUE INDEX "saved_resume_search_deliveries_saved_search_id_period_date_key" ON "saved_resume_search_deliveries"("saved_search_id", "period_date");

-- CreateIndex
CREATE INDEX "saved_resume_search_deliveries_period_date_status_idx" ON "saved_resume_search_deliveries"("period_date", "status");

-- AddForeignKey
ALTER TABLE "saved_resume_searches" ADD CONSTRAINT "saved_resume_searches_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_resume_searches" ADD CONSTRAINT "saved_resume_searches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_resume_search_deliveries" ADD CONSTRAINT "saved_resume_search_deliveries_saved_search_id_fkey" FOREIGN KEY ("saved_search_id") REFERENCES "saved_resume_searches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
