-- How many times a vacancy's public page was opened, per calendar day in Asia/Almaty: a counter
-- only, without IP addresses, cookies or user ids. Requests from bots are not counted.

-- CreateTable
CREATE TABLE "vacancy_daily_views" (
    "vacancy_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vacancy_daily_views_pkey" PRIMARY KEY ("vacancy_id","day")
);

-- AddForeignKey
ALTER TABLE "vacancy_daily_views" ADD CONSTRAINT "vacancy_daily_views_vacancy_id_fkey" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE CASCADE ON UPDATE CASCADE;
