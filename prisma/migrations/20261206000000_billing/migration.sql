-- Billing (SPEC §5): products with versioned prices, carts and orders, a prepaid balance kept as an
-- append-only ledger, payments and their webhook notifications, refunds, what activated orders
-- grant (entitlements and their uses), and gapless document numbers for invoices and acts.
--
-- Money is integer tiyn in BIGINT. Prices include VAT; the rate is data (basis points) on each
-- price version, so a change of rate is a new version, not a migration.
--
-- What schema.prisma cannot describe is here only: CHECK constraints (each ledger kind names its
-- cause), the partial unique indexes (one cart per organisation; one TOP_UP per payment, one
-- PURCHASE per order, one FORFEIT per entitlement; verified notifications once per event), and the
-- triggers that make the ledger append-only and the balance a function of it.

-- CreateEnum
CREATE TYPE "ProductKind" AS ENUM ('VACANCY_PUBLICATION', 'RESUME_ACCESS', 'CONTACT_VIEWS', 'SCHOOL_PLAN');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('CART', 'PENDING', 'PAID', 'ACTIVATED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'INVOICE', 'BALANCE');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('TOP_UP', 'PURCHASE', 'REFUND', 'FORFEIT', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('CLOUDPAYMENTS', 'FREEDOMPAY', 'STRIPE', 'BANK_TRANSFER');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentOutcome" AS ENUM ('ACTIVATED', 'CREDITED');

-- CreateEnum
CREATE TYPE "PaymentCreditReason" AS ENUM ('ORDER_EXPIRED', 'ORDER_CANCELLED', 'ALREADY_PAID', 'NOT_ACTIVATABLE');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('REQUESTED', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('ORDER', 'INVOICE', 'ACT');

-- CreateTable
CREATE TABLE "products" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "publication_type" "PublicationType",
    "access_days" INTEGER,
    "units" INTEGER,
    "name_ru" VARCHAR(200) NOT NULL,
    "name_kk" VARCHAR(200) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "products_code_check" CHECK ("code" ~ '^[a-z0-9]+(\.[a-z0-9]+)+$'),
    CONSTRAINT "products_access_days_check" CHECK ("access_days" IS NULL OR "access_days" > 0),
    CONSTRAINT "products_units_check" CHECK ("units" IS NULL OR "units" > 0),
    -- Each kind carries exactly the attributes activation needs.
    CONSTRAINT "products_kind_attributes_check" CHECK (CASE "kind"
        WHEN 'VACANCY_PUBLICATION' THEN "publication_type" IS NOT NULL AND "access_days" IS NULL AND "units" IS NULL
        WHEN 'RESUME_ACCESS' THEN "publication_type" IS NULL AND "access_days" IS NOT NULL AND "units" IS NOT NULL
        WHEN 'CONTACT_VIEWS' THEN "publication_type" IS NULL AND "access_days" IS NULL AND "units" IS NOT NULL
        WHEN 'SCHOOL_PLAN' THEN "publication_type" IS NULL AND "access_days" IS NOT NULL AND "units" IS NULL
    END)
);

-- CreateTable
CREATE TABLE "product_prices" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "price_tiyn" BIGINT NOT NULL,
    "vat_rate" INTEGER NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_prices_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_prices_price_tiyn_check" CHECK ("price_tiyn" > 0),
    CONSTRAINT "product_prices_vat_rate_check" CHECK ("vat_rate" BETWEEN 0 AND 10000)
);

-- CreateTable
CREATE TABLE "orders" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(20),
    "organization_id" INTEGER NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'CART',
    "payment_method" "PaymentMethod",
    "currency" CHAR(3) NOT NULL DEFAULT 'KZT',
    "amount_tiyn" BIGINT,
    "vat_tiyn" BIGINT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_out_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "activated_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "expired_at" TIMESTAMPTZ(3),

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_currency_check" CHECK ("currency" = 'KZT'),
    -- A cart has no number, method or totals yet; from checkout on it has all of them, frozen.
    CONSTRAINT "orders_checkout_check" CHECK (
        ("status" = 'CART') = ("number" IS NULL)
        AND ("status" = 'CART') = ("payment_method" IS NULL)
        AND ("status" = 'CART') = ("amount_tiyn" IS NULL)
        AND ("status" = 'CART') = ("vat_tiyn" IS NULL)
        AND ("status" = 'CART') = ("checked_out_at" IS NULL)),
    CONSTRAINT "orders_amount_check" CHECK ("amount_tiyn" > 0 AND "vat_tiyn" >= 0 AND "vat_tiyn" <= "amount_tiyn"),
    CONSTRAINT "orders_status_times_check" CHECK (
        ("status" NOT IN ('PAID', 'ACTIVATED') OR "paid_at" IS NOT NULL)
        AND ("status" <> 'ACTIVATED' OR "activated_at" IS NOT NULL)
        AND ("status" <> 'CANCELLED' OR "cancelled_at" IS NOT NULL)
        AND ("status" <> 'EXPIRED' OR "expired_at" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "order_lines" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "product_price_id" INTEGER,
    "quantity" INTEGER NOT NULL,
    "unit_price_tiyn" BIGINT,
    "vat_rate" INTEGER,
    "amount_tiyn" BIGINT,
    "vat_tiyn" BIGINT,
    "region_id" INTEGER,
    "specialization_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_lines_quantity_check" CHECK ("quantity" > 0),
    -- The price columns are frozen together at checkout, and agree with each other.
    CONSTRAINT "order_lines_frozen_check" CHECK (
        ("product_price_id" IS NULL AND "unit_price_tiyn" IS NULL AND "vat_rate" IS NULL AND "amount_tiyn" IS NULL AND "vat_tiyn" IS NULL)
        OR ("product_price_id" IS NOT NULL AND "unit_price_tiyn" > 0 AND "vat_rate" BETWEEN 0 AND 10000
            AND "amount_tiyn" = "unit_price_tiyn" * "quantity" AND "vat_tiyn" BETWEEN 0 AND "amount_tiyn")),
    CONSTRAINT "order_lines_specialization_check" CHECK ("specialization_id" IS NULL OR "region_id" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "billing_accounts" (
    "organization_id" INTEGER NOT NULL,
    "balance_tiyn" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_accounts_pkey" PRIMARY KEY ("organization_id"),
    CONSTRAINT "billing_accounts_balance_tiyn_check" CHECK ("balance_tiyn" >= 0)
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "amount_tiyn" BIGINT NOT NULL,
    "balance_after_tiyn" BIGINT NOT NULL,
    "payment_id" INTEGER,
    "order_id" INTEGER,
    "refund_id" INTEGER,
    "entitlement_id" INTEGER,
    "reason" VARCHAR(1000),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_balance_after_check" CHECK ("balance_after_tiyn" >= 0),
    -- Every kind names its cause and moves money in its own direction; only FORFEIT (units lost,
    -- no money) may be zero.
    CONSTRAINT "ledger_entries_kind_check" CHECK (CASE "kind"
        WHEN 'TOP_UP' THEN "amount_tiyn" > 0 AND "payment_id" IS NOT NULL
        WHEN 'PURCHASE' THEN "amount_tiyn" < 0 AND "order_id" IS NOT NULL
        WHEN 'REFUND' THEN "amount_tiyn" <> 0 AND "refund_id" IS NOT NULL
        WHEN 'FORFEIT' THEN "amount_tiyn" = 0 AND "entitlement_id" IS NOT NULL
        WHEN 'ADJUSTMENT' THEN "amount_tiyn" <> 0 AND "created_by_id" IS NOT NULL
            AND "reason" IS NOT NULL AND btrim("reason") <> ''
    END)
);

-- CreateTable
CREATE TABLE "payments" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "provider_payment_id" VARCHAR(100) NOT NULL,
    "amount_tiyn" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'SUCCEEDED',
    "outcome" "PaymentOutcome" NOT NULL,
    "credit_reason" "PaymentCreditReason",
    "paid_at" TIMESTAMPTZ(3) NOT NULL,
    "bank_reference" VARCHAR(100),
    "recorded_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payments_amount_tiyn_check" CHECK ("amount_tiyn" > 0),
    CONSTRAINT "payments_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "payments_outcome_check" CHECK (("outcome" = 'CREDITED') = ("credit_reason" IS NOT NULL)),
    CONSTRAINT "payments_bank_reference_check" CHECK ("provider" <> 'BANK_TRANSFER' OR "bank_reference" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "payment_notifications" (
    "id" SERIAL NOT NULL,
    "provider" "PaymentProvider" NOT NULL,
    "event_key" VARCHAR(200),
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "verification_error" VARCHAR(500),
    "result" JSONB,
    "flagged_for_finance" BOOLEAN NOT NULL DEFAULT false,
    "flag_reason" VARCHAR(500),
    "payment_id" INTEGER,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_notifications_verified_check" CHECK (NOT "verified" OR "verification_error" IS NULL),
    CONSTRAINT "payment_notifications_flag_check" CHECK (NOT "flagged_for_finance" OR "flag_reason" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "refunds" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "payment_id" INTEGER,
    "amount_tiyn" BIGINT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" VARCHAR(1000) NOT NULL,
    "provider_refund_id" VARCHAR(100),
    "reference" VARCHAR(100),
    "created_by_id" INTEGER,
    "settled_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refunds_amount_tiyn_check" CHECK ("amount_tiyn" > 0),
    CONSTRAINT "refunds_reason_check" CHECK (btrim("reason") <> ''),
    CONSTRAINT "refunds_settled_check" CHECK (("status" = 'REQUESTED') = ("settled_at" IS NULL))
);

-- CreateTable
CREATE TABLE "entitlements" (
    "id" SERIAL NOT NULL,
    "organization_id" INTEGER NOT NULL,
    "order_id" INTEGER NOT NULL,
    "order_line_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "kind" "ProductKind" NOT NULL,
    "publication_type" "PublicationType",
    "region_id" INTEGER,
    "specialization_id" INTEGER,
    "units_total" INTEGER NOT NULL,
    "units_used" INTEGER NOT NULL DEFAULT 0,
    "units_forfeited" INTEGER NOT NULL DEFAULT 0,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" TIMESTAMPTZ(3) NOT NULL,
    "forfeited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "entitlements_units_check" CHECK (
        "units_total" >= 0 AND "units_used" >= 0 AND "units_used" <= "units_total"
        AND "units_forfeited" >= 0 AND "units_used" + "units_forfeited" <= "units_total"),
    CONSTRAINT "entitlements_forfeited_check" CHECK ("forfeited_at" IS NOT NULL OR "units_forfeited" = 0),
    CONSTRAINT "entitlements_validity_check" CHECK ("valid_until" > "valid_from"),
    CONSTRAINT "entitlements_kind_check" CHECK (
        ("kind" <> 'VACANCY_PUBLICATION' OR "publication_type" IS NOT NULL)
        AND ("kind" NOT IN ('RESUME_ACCESS', 'CONTACT_VIEWS') OR "region_id" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "entitlement_uses" (
    "id" SERIAL NOT NULL,
    "entitlement_id" INTEGER NOT NULL,
    "vacancy_id" INTEGER,
    "used_at" TIMESTAMPTZ(3) NOT NULL,
    "returned_at" TIMESTAMPTZ(3),
    "return_reason" VARCHAR(200),

    CONSTRAINT "entitlement_uses_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "entitlement_uses_returned_check" CHECK (("returned_at" IS NULL) = ("return_reason" IS NULL))
);

-- CreateTable
CREATE TABLE "document_counters" (
    "kind" "DocumentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "document_counters_pkey" PRIMARY KEY ("kind","year"),
    CONSTRAINT "document_counters_check" CHECK ("year" BETWEEN 2000 AND 9999 AND "last" >= 0)
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "number" VARCHAR(30) NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "buyer" JSONB NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoices_seq_check" CHECK ("seq" > 0)
);

-- CreateTable
CREATE TABLE "acts" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "number" VARCHAR(30) NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "acts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "acts_seq_check" CHECK ("seq" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "products_code_key" ON "products"("code");

-- CreateIndex
CREATE INDEX "products_kind_sort_order_idx" ON "products"("kind", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "product_prices_product_id_valid_from_key" ON "product_prices"("product_id", "valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE INDEX "orders_organization_id_status_idx" ON "orders"("organization_id", "status");

-- CreateIndex
CREATE INDEX "orders_status_expires_at_idx" ON "orders"("status", "expires_at");

-- At most one cart per organisation: concurrent "add to cart" calls meet here.
CREATE UNIQUE INDEX "orders_one_cart_per_organization_key" ON "orders"("organization_id") WHERE "status" = 'CART';

-- CreateIndex
CREATE INDEX "order_lines_order_id_idx" ON "order_lines"("order_id");

-- CreateIndex
CREATE INDEX "ledger_entries_organization_id_id_idx" ON "ledger_entries"("organization_id", "id" DESC);

-- CreateIndex
CREATE INDEX "ledger_entries_payment_id_idx" ON "ledger_entries"("payment_id");

-- CreateIndex
CREATE INDEX "ledger_entries_order_id_idx" ON "ledger_entries"("order_id");

-- CreateIndex
CREATE INDEX "ledger_entries_refund_id_idx" ON "ledger_entries"("refund_id");

-- CreateIndex
CREATE INDEX "ledger_entries_entitlement_id_idx" ON "ledger_entries"("entitlement_id");

-- Exactly-once guards: whatever a service gets wrong, money for a payment is credited once, an
-- order is charged once, an entitlement is forfeited once, and a refund is taken (and, when it
-- fails, given back) once.
CREATE UNIQUE INDEX "ledger_entries_top_up_payment_key" ON "ledger_entries"("payment_id") WHERE "kind" = 'TOP_UP';
CREATE UNIQUE INDEX "ledger_entries_purchase_order_key" ON "ledger_entries"("order_id") WHERE "kind" = 'PURCHASE';
CREATE UNIQUE INDEX "ledger_entries_forfeit_entitlement_key" ON "ledger_entries"("entitlement_id") WHERE "kind" = 'FORFEIT';
CREATE UNIQUE INDEX "ledger_entries_refund_direction_key" ON "ledger_entries"("refund_id", ("amount_tiyn" > 0)) WHERE "kind" = 'REFUND';

-- CreateIndex
CREATE UNIQUE INDEX "payments_provider_provider_payment_id_key" ON "payments"("provider", "provider_payment_id");

-- CreateIndex
CREATE INDEX "payments_order_id_idx" ON "payments"("order_id");

-- CreateIndex
CREATE INDEX "payments_organization_id_created_at_idx" ON "payments"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_notifications_provider_received_at_idx" ON "payment_notifications"("provider", "received_at");

-- CreateIndex
CREATE INDEX "payment_notifications_flagged_for_finance_received_at_idx" ON "payment_notifications"("flagged_for_finance", "received_at");

-- A replayed event is recognised by its key; unverified calls (forgeries, garbage) never take a key.
CREATE UNIQUE INDEX "payment_notifications_verified_event_key" ON "payment_notifications"("provider", "event_key") WHERE "verified";

-- CreateIndex
CREATE UNIQUE INDEX "refunds_payment_id_provider_refund_id_key" ON "refunds"("payment_id", "provider_refund_id");

-- CreateIndex
CREATE INDEX "refunds_organization_id_created_at_idx" ON "refunds"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "entitlements_organization_id_kind_valid_until_idx" ON "entitlements"("organization_id", "kind", "valid_until");

-- CreateIndex
CREATE INDEX "entitlements_valid_until_idx" ON "entitlements"("valid_until");

-- CreateIndex
CREATE INDEX "entitlements_order_id_idx" ON "entitlements"("order_id");

-- CreateIndex
CREATE INDEX "entitlement_uses_entitlement_id_idx" ON "entitlement_uses"("entitlement_id");

-- CreateIndex
CREATE INDEX "entitlement_uses_vacancy_id_idx" ON "entitlement_uses"("vacancy_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_order_id_key" ON "invoices"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_year_seq_key" ON "invoices"("year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "acts_order_id_key" ON "acts"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "acts_number_key" ON "acts"("number");

-- CreateIndex
CREATE UNIQUE INDEX "acts_year_seq_key" ON "acts"("year", "seq");

-- AddForeignKey
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_prices" ADD CONSTRAINT "product_prices_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_price_id_fkey" FOREIGN KEY ("product_price_id") REFERENCES "product_prices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_specialization_id_fkey" FOREIGN KEY ("specialization_id") REFERENCES "specializations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "billing_accounts"("organization_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_settled_by_id_fkey" FOREIGN KEY ("settled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_order_line_id_fkey" FOREIGN KEY ("order_line_id") REFERENCES "order_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_specialization_id_fkey" FOREIGN KEY ("specialization_id") REFERENCES "specializations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_uses" ADD CONSTRAINT "entitlement_uses_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entitlement_uses" ADD CONSTRAINT "entitlement_uses_vacancy_id_fkey" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acts" ADD CONSTRAINT "acts_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only. Corrections are new entries (ADJUSTMENT, REFUND), never edits, so the
-- history a finance officer or an auditor reads is the history that happened.
CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER ledger_entries_no_update_delete BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change();

CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();

-- Each entry moves the account's balance by its amount, in the same statement: the balance is the
-- sum of the entries by construction, the account row is locked by the update (so entries of one
-- organisation are applied one at a time), and the account's CHECK refuses a negative balance
-- whatever the caller checked. balance_after_tiyn, computed by the caller under its lock, must
-- agree: a disagreement means the caller read a stale balance.
CREATE FUNCTION ledger_entries_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  applied BIGINT;
BEGIN
  UPDATE billing_accounts
    SET balance_tiyn = balance_tiyn + NEW.amount_tiyn, updated_at = now()
    WHERE organization_id = NEW.organization_id
    RETURNING balance_tiyn INTO applied;
  IF applied IS NULL THEN
    RAISE EXCEPTION 'no billing account for organization %', NEW.organization_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF applied <> NEW.balance_after_tiyn THEN
    RAISE EXCEPTION 'balance_after_tiyn % disagrees with the account balance %', NEW.balance_after_tiyn, applied
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_entries_apply BEFORE INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_apply();

-- The balance changes only through an entry (the trigger above runs one level deeper than the
-- statement that fired it); an account starts at zero.
CREATE FUNCTION billing_accounts_guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.balance_tiyn <> 0 THEN
    RAISE EXCEPTION 'a billing account starts with a zero balance' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.balance_tiyn IS DISTINCT FROM OLD.balance_tiyn AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'the balance changes only through ledger entries' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER billing_accounts_guard_balance BEFORE INSERT OR UPDATE ON "billing_accounts"
  FOR EACH ROW EXECUTE FUNCTION billing_accounts_guard_balance();

-- The products on sale and their prices from 1 January 2026 (VAT 16 % from that date), in tiyn.
INSERT INTO "products" ("code", "kind", "publication_type", "access_days", "units", "name_ru", "name_kk", "sort_order") VALUES
  ('vacancy.standard', 'VACANCY_PUBLICATION', 'STANDARD', NULL, NULL, 'Публикация вакансии «Стандарт»', '«Стандарт» вакансиясын жариялау', 10),
  ('vacancy.premium', 'VACANCY_PUBLICATION', 'PREMIUM', NULL, NULL, 'Публикация вакансии «Премиум»', '«Премиум» вакансиясын жариялау', 20),
  ('vacancy.anonymous', 'VACANCY_PUBLICATION', 'ANONYMOUS', NULL, NULL, 'Публикация анонимной вакансии', 'Анонимді вакансияны жариялау', 30),
  ('resumes.access.1d', 'RESUME_ACCESS', NULL, 1, 1000, 'Доступ к базе резюме на 1 день', 'Түйіндемелер базасына 1 күнге қолжетімділік', 110),
  ('resumes.access.7d', 'RESUME_ACCESS', NULL, 7, 580, 'Доступ к базе резюме на 7 дней', 'Түйіндемелер базасына 7 күнге қолжетімділік', 120),
  ('resumes.access.14d', 'RESUME_ACCESS', NULL, 14, 920, 'Доступ к базе резюме на 14 дней', 'Түйіндемелер базасына 14 күнге қолжетімділік', 130),
  ('resumes.access.30d', 'RESUME_ACCESS', NULL, 30, 1280, 'Доступ к базе резюме на 30 дней', 'Түйіндемелер базасына 30 күнге қолжетімділік', 140),
  ('resumes.access.92d', 'RESUME_ACCESS', NULL, 92, 3200, 'Доступ к базе резюме на 92 дня', 'Түйіндемелер базасына 92 күнге қолжетімділік', 150),
  ('resumes.access.183d', 'RESUME_ACCESS', NULL, 183, 5350, 'Доступ к базе резюме на 183 дня', 'Түйіндемелер базасына 183 күнге қолжетімділік', 160),
  ('resumes.access.365d', 'RESUME_ACCESS', NULL, 365, 9000, 'Доступ к базе резюме на 365 дней', 'Түйіндемелер базасына 365 күнге қолжетімділік', 170),
  ('resumes.views.100', 'CONTACT_VIEWS', NULL, NULL, 100, 'Дополнительные 100 просмотров контактов', 'Байланыс деректерін қосымша 100 рет қарау', 210),
  ('resumes.views.500', 'CONTACT_VIEWS', NULL, NULL, 500, 'Дополнительные 500 просмотров контактов', 'Байланыс деректерін қосымша 500 рет қарау', 220),
  ('resumes.views.1000', 'CONTACT_VIEWS', NULL, NULL, 1000, 'Дополнительные 1000 просмотров контактов', 'Байланыс деректерін қосымша 1000 рет қарау', 230),
  ('school.plan.month', 'SCHOOL_PLAN', NULL, 30, NULL, 'Тариф автошколы на месяц', 'Автомектеп тарифі, бір айға', 310);

INSERT INTO "product_prices" ("product_id", "price_tiyn", "vat_rate", "valid_from")
SELECT p."id", v.price_tiyn, 1600, TIMESTAMPTZ '2026-01-01 00:00:00+05'
FROM (VALUES
  ('vacancy.standard', 990000::bigint),
  ('vacancy.premium', 2490000),
  ('vacancy.anonymous', 1290000),
  ('resumes.access.1d', 990000),
  ('resumes.access.7d', 3990000),
  ('resumes.access.14d', 5990000),
  ('resumes.access.30d', 8990000),
  ('resumes.access.92d', 19990000),
  ('resumes.access.183d', 32990000),
  ('resumes.access.365d', 54990000),
  ('resumes.views.100', 990000),
  ('resumes.views.500', 3990000),
  ('resumes.views.1000', 6990000),
  ('school.plan.month', 1990000)
) AS v(code, price_tiyn)
JOIN "products" p ON p."code" = v.code;
