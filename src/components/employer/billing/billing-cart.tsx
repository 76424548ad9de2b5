"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trpc } from "@/trpc/react";

export interface CartSummary {
  lines: { id: number; name: string; quantity: number; maxQuantity: number; amount: string }[];
  total: string;
  vat: string;
  coveredByBalance: boolean;
}

/**
 * The one cart of the organisation: change or remove its lines, and check out from the balance,
 * by card (on to the payment page) or by invoice. Amounts are the server's; after every change the
 * page is rendered again with the new cart.
 */
export function BillingCart(props: { organizationId: number; locale: string; cart: CartSummary | null }) {
  const t = useTranslations("billing");
  const router = useRouter();
  const errors = useFormErrors();
  const idPrefix = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const { organizationId } = props;
  const refresh = (message: string | null) => () => {
    setNotice(message);
    router.refresh();
  };
  const setQuantity = trpc.employer.billing.setQuantity.useMutation({ onError: errors.fromServer, onSuccess: refresh(null) });
  const remove = trpc.employer.billing.removeFromCart.useMutation({ onError: errors.fromServer, onSuccess: refresh(null) });
  const checkout = trpc.employer.billing.checkout.useMutation({
    onError: errors.fromServer,
    onSuccess: (order) => {
      if (order.method === "CARD") {
        router.push(`/${props.locale}/employer/${organizationId}/billing/pay/${order.orderId}`);
        return;
      }
      refresh(
        order.method === "BALANCE"
          ? t("paidFromBalance", { number: order.number })
          : t("invoiceIssued", { number: order.number, invoice: order.invoiceNumber ?? "—" }),
      )();
    },
  });
  const busy = setQuantity.isPending || remove.isPending || checkout.isPending;
  const lines = props.cart?.lines ?? [];

  return (
    <div className="flex flex-col gap-6">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}

      <section aria-labelledby={`${idPrefix}-cart`} className="flex flex-col gap-3" data-testid="cart">
        <h2 id={`${idPrefix}-cart`} className="text-xl font-semibold">
          {t("cart")}
        </h2>
        {lines.length === 0 ? (
          <p className="text-gray-700">{t("cartEmpty")}</p>
        ) : (
          <>
            <ul className="flex flex-col gap-2">
              {lines.map((line) => (
                <li
                  key={line.id}
                  className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <p className="font-medium">
                    {t("line", { name: line.name, quantity: line.quantity })} — {line.amount}
                  </p>
                  <div className="flex items-center gap-2">
                    {line.maxQuantity > 1 ? (
                      <label className="text-sm">
                        <span className="sr-only">{t("changeQuantity", { name: line.name })}</span>
                        <input
                          type="number"
                          min={1}
                          max={line.maxQuantity}
                          defaultValue={line.quantity}
                          disabled={busy}
                          onBlur={(event) => {
                            const quantity = Number(event.target.value);
                            if (quantity !== line.quantity && Number.isInteger(quantity) && quantity > 0)
                              setQuantity.mutate({ organizationId, lineId: line.id, quantity });
                          }}
                          className="w-20 rounded-md border border-gray-400 px-2 py-2"
                        />
                      </label>
                    ) : null}
                    <Button
                      type="button"
                      variant="secondary"
                      disabled={busy}
                      aria-label={t("remove", { name: line.name })}
                      onClick={() => remove.mutate({ organizationId, lineId: line.id })}
                    >
                      ×
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
            <p className="text-lg font-semibold" data-testid="cart-total">
              {t("total", { amount: props.cart!.total })}
            </p>
            <p className="text-sm text-gray-700">{t("vat", { amount: props.cart!.vat })}</p>
            <div className="flex flex-col gap-2" role="group" aria-label={t("checkoutTitle")}>
              <div className="flex flex-wrap gap-2">
                <Button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    errors.reset();
                    checkout.mutate({ organizationId, method: "CARD" });
                  }}
                >
                  {t("payCard")}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy || !props.cart!.coveredByBalance}
                  onClick={() => {
                    errors.reset();
                    checkout.mutate({ organizationId, method: "BALANCE" });
                  }}
                >
                  {t("payBalance")}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy}
                  onClick={() => {
                    errors.reset();
                    checkout.mutate({ organizationId, method: "INVOICE" });
                  }}
                >
                  {t("payInvoice")}
                </Button>
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
