-- Graduates of a driving school claim a seeker account (SPEC §6): the single-use invitation
-- (only the hash of its token is stored) and the licence category the graduate chose to show
-- as verified on their resumes.

-- CreateTable
CREATE TABLE "graduate_invitations" (
    "id" SERIAL NOT NULL,
    "trainee_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "locale" "Locale" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "claimed_at" TIMESTAMPTZ(3),
    "claimed_by_id" INTEGER,
    "declined_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "graduate_invitations_pkey" PRIMARY KEY ("id"),
    -- An invitation ends one way at most: claimed, declined or revoked.
    CONSTRAINT "graduate_invitations_outcome_check" CHECK (
        (("claimed_at" IS NOT NULL)::int + ("declined_at" IS NOT NULL)::int + ("revoked_at" IS NOT NULL)::int) <= 1
    )
);

-- CreateTable
CREATE TABLE "verified_licences" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "organization_id" INTEGER,
    "school_name" VARCHAR(160) NOT NULL,
    "category" "LicenceCategory" NOT NULL,
    "certificate_date" DATE NOT NULL,
    "trainee_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verified_licences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "graduate_invitations_token_hash_key" ON "graduate_invitations"("token_hash");

-- CreateIndex
CREATE INDEX "graduate_invitations_trainee_id_idx" ON "graduate_invitations"("trainee_id");

-- CreateIndex
CREATE INDEX "graduate_invitations_sent_at_idx" ON "graduate_invitations"("sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "verified_licences_user_id_category_organization_id_key" ON "verified_licences"("user_id", "category", "organization_id");

-- CreateIndex
CREATE INDEX "verified_licences_category_user_id_idx" ON "verified_licences"("category", "user_id");

-- AddForeignKey
ALTER TABLE "graduate_invitations" ADD CONSTRAINT "graduate_invitations_trainee_id_fkey" FOREIGN KEY ("trainee_id") REFERENCES "trainees"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduate_invitations" ADD CONSTRAINT "graduate_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduate_invitations" ADD CONSTRAINT "graduate_invitations_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verified_licences" ADD CONSTRAINT "verified_licences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verified_licences" ADD CONSTRAINT "verified_licences_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verified_licences" ADD CONSTRAINT "verified_licences_trainee_id_fkey" FOREIGN KEY ("trainee_id") REFERENCES "trainees"("id") ON DELETE SET NULL ON UPDATE CASCADE;
