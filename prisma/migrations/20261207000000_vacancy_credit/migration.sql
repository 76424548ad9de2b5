-- The publication credit that pays for a vacancy's current (or, while submitted, coming)
-- publication: taken when the employer submits, given back when moderation removes the vacancy.
ALTER TABLE "vacancies" ADD COLUMN "credit_use_id" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "vacancies_credit_use_id_key" ON "vacancies"("credit_use_id");

-- AddForeignKey
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_credit_use_id_fkey" FOREIGN KEY ("credit_use_id") REFERENCES "entitlement_uses"("id") ON DELETE SET NULL ON UPDATE CASCADE;
