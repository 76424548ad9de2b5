import { z } from "zod";

import { anyOrganizationProcedure, createTRPCRouter } from "@/server/api/trpc";
import { listEntitlements, getOrder, listOrders } from "@/server/services/billing/account-view";
import { cancelOrder } from "@/server/services/billing/cancel-order";
import { getCart } from "@/server/services/billing/cart-view";
import { addCartLine, changeCartLineQuantity, clearCart, removeCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";
import { balanceOf, LEDGER_PAGE_MAX, listLedgerEntries } from "@/server/services/billing/ledger-queries";
import { PROVIDER_IDS } from "@/server/services/billing/providers/payment-provider";
import { cardProviders, startCardPayment } from "@/server/services/billing/start-payment";
import { offersFor } from "@/server/services/billing/tariffs";

const LEDGER_KINDS = ["TOP_UP", "PURCHASE", "REFUND", "FORFEIT", "ADJUSTMENT"] as const;
const ORDER_STATUSES = ["PENDING", "PAID", "ACTIVATED", "CANCELLED", "EXPIRED"] as const;
const id = z.number().int().positive();

/**
 * An organisation's money, employer's or driving school's alike (the products each may buy are
 * the product rules' business): every member reads the balance, ledger, credits and orders
 * (observers and instructors only look, H 1.24); owners and managers fill the cart, check out and
 * cancel. The services check again who spends (owner or manager of a verified, unblocked
 * organisation).
 */
export const employerBillingRouter = createTRPCRouter({
  overview: anyOrganizationProcedure("OBSERVER").query(async ({ input }) => ({
    balanceTiyn: await balanceOf(input.organizationId),
    entitlements: await listEntitlements(input.organizationId),
  })),
  ledger: anyOrganizationProcedure("OBSERVER")
    .input(
      z.object({
        kinds: z.array(z.enum(LEDGER_KINDS)).max(LEDGER_KINDS.length).optional(),
        from: z.date().optional(),
        to: z.date().optional(),
        beforeId: id.optional(),
        limit: z.number().int().min(1).max(LEDGER_PAGE_MAX).optional(),
      }),
    )
    .query(({ input }) => listLedgerEntries(input)),
  orders: anyOrganizationProcedure("OBSERVER")
    .input(z.object({ status: z.enum(ORDER_STATUSES).optional(), page: z.number().int().min(1).max(10_000).optional() }))
    .query(({ input }) => listOrders(input.organizationId, { status: input.status, page: input.page })),
  order: anyOrganizationProcedure("OBSERVER")
    .input(z.object({ orderId: id }))
    .query(({ input }) => getOrder(input.organizationId, input.orderId)),
  prices: anyOrganizationProcedure("OBSERVER").query(({ ctx }) => offersFor(ctx.membership.organization.type)),
  cart: anyOrganizationProcedure("MANAGER").query(({ ctx, input }) =>
    getCart({ organizationId: input.organizationId, actor: ctx.actor }),
  ),
  addToCart: anyOrganizationProcedure("MANAGER")
    .input(
      z.object({
        productCode: z.string().trim().min(1).max(60),
        quantity: z.number().int().min(1).max(1_000_000),
        regionId: id.nullish(),
        specializationId: id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => addCartLine({ ...input, actor: ctx.actor })),
  setQuantity: anyOrganizationProcedure("MANAGER")
    .input(z.object({ lineId: id, quantity: z.number().int().min(1).max(1_000_000) }))
    .mutation(({ ctx, input }) => changeCartLineQuantity({ ...input, actor: ctx.actor })),
  removeFromCart: anyOrganizationProcedure("MANAGER")
    .input(z.object({ lineId: id }))
    .mutation(({ ctx, input }) => removeCartLine({ ...input, actor: ctx.actor })),
  clearCart: anyOrganizationProcedure("MANAGER").mutation(({ ctx, input }) =>
    clearCart({ organizationId: input.organizationId, actor: ctx.actor }),
  ),
  checkout: anyOrganizationProcedure("MANAGER")
    .input(z.object({ method: z.enum(["BALANCE", "CARD", "INVOICE"]) }))
    .mutation(({ ctx, input }) => checkout({ organizationId: input.organizationId, method: input.method, actor: ctx.actor })),
  paymentProviders: anyOrganizationProcedure("MANAGER").query(() => [...cardProviders()]),
  startPayment: anyOrganizationProcedure("MANAGER")
    .input(z.object({ orderId: id, provider: z.enum(PROVIDER_IDS), locale: z.enum(["ru", "kk"]) }))
    .mutation(({ ctx, input }) => startCardPayment({ ...input, actor: ctx.actor })),
  cancelOrder: anyOrganizationProcedure("MANAGER")
    .input(z.object({ orderId: id }))
    .mutation(async ({ ctx, input }) => {
      await cancelOrder({ organizationId: input.organizationId, orderId: input.orderId, actor: ctx.actor });
      return { ok: true };
    }),
});
