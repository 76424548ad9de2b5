-- The applicant inbox: an organisation's own invitation and rejection email templates.

-- CreateEnum
CREATE TYPE "ApplicantTemplateKind" AS ENUM ('INVITE', 'REJECT');

-- CreateTable
CREATE TABLE "organization_email_templates" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "kind" "ApplicantTemplateKind" NOT NULL,
    "locale" "Locale" NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_email_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_email_templates_organization_id_kind_locale_key" ON "organization_email_templates"("organization_id", "kind", "locale");

-- AddForeignKey
ALTER TABLE "organization_email_templates" ADD CONSTRAINT "organization_email_templates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
