import { z } from "zod";

import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { adjustBalance } from "@/server/services/billing/adjust-balance";
import {
  getOrder,
  listOrders,
  listPayments,
  listTariffs,
  markInvoicePaid,
  organizationBilling,
  revenue,
} from "@/server/services/billing/finance-console";
import { getPaymentProviders } from "@/server/services/billing/providers/runtime";
import { refundBalance, settleRefund } from "@/server/services/billing/refunds";
import { sendProviderRefund } from "@/server/services/billing/send-provider-refund";
import { addPriceVersion } from "@/server/services/billing/tariffs";

const ORDER_STATUSES = ["PENDING", "PAID", "ACTIVATED", "CANCELLED", "EXPIRED"] as const;
const METHODS = ["CARD", "INVOICE", "BALANCE"] as const;
const PROVIDERS = ["CLOUDPAYMENTS", "FREEDOMPAY", "STRIPE", "BANK_TRANSFER"] as const;
const PAYMENT_STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
const id = z.number().int().positive();
const page = z.number().int().min(1).max(10_000).optional();
// Amounts reach the services as they are: a zero or negative one is their translated refusal.
const tiyn = z.bigint();
const text = z.string().max(1000);

/**
 * The finance console: orders, payments, balances, refunds, tariffs and revenue. Finance staff and
 * superadmins only; every service checks the role again from the database and audits its writes.
 */
export const adminFinanceRouter = createTRPCRouter({
  orders: adminProcedure(["FINANCE"])
    .input(
      z.object({
        status: z.enum(ORDER_STATUSES).optional(),
        method: z.enum(METHODS).optional(),
        organizationId: id.optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        number: z.string().max(30).optional(),
        page,
      }),
    )
    .query(({ ctx, input }) => listOrders(ctx.actor, input)),
  order: adminProcedure(["FINANCE"])
    .input(z.object({ orderId: id }))
    .query(({ ctx, input }) => getOrder(ctx.actor, input.orderId)),
  payments: adminProcedure(["FINANCE"])
    .input(
      z.object({
        provider: z.enum(PROVIDERS).optional(),
        status: z.enum(PAYMENT_STATUSES).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        page,
      }),
    )
    .query(({ ctx, input }) => listPayments(ctx.actor, input)),
  organization: adminProcedure(["FINANCE"])
    .input(z.object({ organizationId: id, beforeId: id.optional() }))
    .query(({ ctx, input }) => organizationBilling(ctx.actor, input)),
  markPaid: adminProcedure(["FINANCE"])
    .input(z.object({ orderId: id, amountTiyn: tiyn, paidAt: z.date(), bankReference: z.string().max(100) }))
    .mutation(({ ctx, input }) => markInvoicePaid({ ...input, actor: ctx.actor })),
  adjustBalance: adminProcedure(["FINANCE"])
    .input(z.object({ organizationId: id, amountTiyn: tiyn, reason: text }))
    .mutation(({ ctx, input }) => adjustBalance({ ...input, actor: ctx.actor })),
  refund: adminProcedure(["FINANCE"])
    .input(z.object({ organizationId: id, amountTiyn: tiyn, reason: text, paymentId: id.nullable().optional() }))
    .mutation(({ ctx, input }) => refundBalance({ ...input, actor: ctx.actor })),
  settleRefund: adminProcedure(["FINANCE"])
    .input(z.object({ refundId: id, outcome: z.enum(["COMPLETED", "FAILED"]), reference: z.string().max(100) }))
    .mutation(({ ctx, input }) => settleRefund({ ...input, actor: ctx.actor })),
  sendRefund: adminProcedure(["FINANCE"])
    .input(z.object({ refundId: id }))
    .mutation(({ ctx, input }) => sendProviderRefund(input.refundId, getPaymentProviders(), ctx.actor)),
  tariffs: adminProcedure(["FINANCE"]).query(({ ctx }) => listTariffs(ctx.actor)),
  addPrice: adminProcedure(["FINANCE"])
    .input(
      z.object({
        productCode: z.string().max(60),
        priceTiyn: tiyn,
        vatRate: z.number().int(),
        validFrom: z.date(),
      }),
    )
    .mutation(({ ctx, input }) => addPriceVersion({ ...input, actor: ctx.actor })),
  revenue: adminProcedure(["FINANCE"])
    .input(z.object({ from: z.date(), to: z.date() }))
    .query(({ ctx, input }) => revenue(ctx.actor, input)),
});
