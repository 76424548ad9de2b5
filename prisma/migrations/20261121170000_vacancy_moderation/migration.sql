-- What a moderator corrected in a vacancy (wording, specializations), shown to the employer:
-- a list of { field, before, after, at }.

-- AlterTable
ALTER TABLE "vacancies" ADD COLUMN "moderator_changes" JSONB;
