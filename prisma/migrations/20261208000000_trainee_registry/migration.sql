-- Driving schools' trainee registry (SPEC §6): study groups, trainees and the history of each
-- trainee's status.
--
-- What schema.prisma cannot describe is here only: CHECK constraints (a course ends after it
-- starts; an IIN is 12 digits; a graduate has a certificate number and date and nobody else has
-- one; a guardian's name, relation and consent date come together).

-- CreateEnum
CREATE TYPE "TraineeStatus" AS ENUM ('ENROLLED', 'STUDYING', 'GRADUATED', 'EXPELLED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateTable
CREATE TABLE "school_groups" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "category" "LicenceCategory" NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "instructor_id" INTEGER,
    "schedule" VARCHAR(1000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "school_groups_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "school_groups_dates_check" CHECK ("ends_on" >= "starts_on")
);

-- CreateTable
CREATE TABLE "trainees" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "group_id" INTEGER,
    "full_name" VARCHAR(200) NOT NULL,
    "iin" CHAR(12) NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone" VARCHAR(16),
    "email" VARCHAR(254),
    "category" "LicenceCategory" NOT NULL,
    "status" "TraineeStatus" NOT NULL DEFAULT 'ENROLLED',
    "certificate_number" VARCHAR(50),
    "certificate_date" DATE,
    "guardian_name" VARCHAR(200),
    "guardian_relation" VARCHAR(60),
    "guardian_consent_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trainees_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "trainees_iin_check" CHECK ("iin" ~ '^[0-9]{12}$'),
    CONSTRAINT "trainees_certificate_check" CHECK (
        ("status" = 'GRADUATED') = ("certificate_number" IS NOT NULL AND "certificate_date" IS NOT NULL)
        AND ("certificate_number" IS NULL) = ("certificate_date" IS NULL)
    ),
    CONSTRAINT "trainees_guardian_check" CHECK (
        ("guardian_name" IS NULL) = ("guardian_relation" IS NULL)
        AND ("guardian_name" IS NULL) = ("guardian_consent_on" IS NULL)
    )
);

-- CreateTable
CREATE TABLE "trainee_status_changes" (
    "id" SERIAL NOT NULL,
    "trainee_id" INTEGER NOT NULL,
    "status" "TraineeStatus" NOT NULL,
    "effective_on" DATE NOT NULL,
    "note" VARCHAR(500),
    "changed_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trainee_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "school_groups_instructor_id_idx" ON "school_groups"("instructor_id");

-- CreateIndex
CREATE UNIQUE INDEX "school_groups_organization_id_name_key" ON "school_groups"("organization_id", "name");

-- CreateIndex
CREATE INDEX "trainees_organization_id_status_idx" ON "trainees"("organization_id", "status");

-- CreateIndex
CREATE INDEX "trainees_group_id_idx" ON "trainees"("group_id");

-- CreateIndex
CREATE UNIQUE INDEX "trainees_organization_id_iin_key" ON "trainees"("organization_id", "iin");

-- CreateIndex
CREATE INDEX "trainee_status_changes_trainee_id_created_at_idx" ON "trainee_status_changes"("trainee_id", "created_at");

-- AddForeignKey
ALTER TABLE "school_groups" ADD CONSTRAINT "school_groups_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "school_groups" ADD CONSTRAINT "school_groups_instructor_id_fkey" FOREIGN KEY ("instructor_id") REFERENCES "memberships"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "school_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trainee_status_changes" ADD CONSTRAINT "trainee_status_changes_trainee_id_fkey" FOREIGN KEY ("trainee_id") REFERENCES "trainees"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trainee_status_changes" ADD CONSTRAINT "trainee_status_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
