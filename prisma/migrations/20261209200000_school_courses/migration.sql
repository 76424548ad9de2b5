-- Driving schools' public profile (SPEC §6): the education licence number given at registration
-- and the categories a school teaches with the course's price (tenge) and length (academic hours).
-- The CHECK constraints keep the form's bounds in the database too.

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN "education_licence" VARCHAR(60);

-- CreateTable
CREATE TABLE "school_courses" (
    "organization_id" INTEGER NOT NULL,
    "category" "LicenceCategory" NOT NULL,
    "price_kzt" INTEGER NOT NULL,
    "duration_hours" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_courses_pkey" PRIMARY KEY ("organization_id", "category"),
    CONSTRAINT "school_courses_price_check" CHECK ("price_kzt" > 0 AND "price_kzt" <= 10000000),
    CONSTRAINT "school_courses_duration_check" CHECK ("duration_hours" > 0 AND "duration_hours" <= 2000)
);

-- CreateIndex
CREATE INDEX "school_courses_category_idx" ON "school_courses"("category");

-- AddForeignKey
ALTER TABLE "school_courses" ADD CONSTRAINT "school_courses_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
