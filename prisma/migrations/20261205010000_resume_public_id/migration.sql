-- Employers' URLs name a resume by a random id, so that resumes cannot be walked by number.
ALTER TABLE "resumes" ADD COLUMN "public_id" UUID NOT NULL DEFAULT gen_random_uuid();

CREATE UNIQUE INDEX "resumes_public_id_key" ON "resumes"("public_id");
