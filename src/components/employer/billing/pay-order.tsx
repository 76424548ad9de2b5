"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ProviderId } from "@/server/services/billing/providers/payment-provider";
import { trpc } from "@/trpc/react";

import { openPaymentWidget } from "./payment-widget";

/**
 * The choice of a card provider for a waiting order. Starting the payment answers where to send
 * the payer: the provider's page (or the dev checkout in development), or its widget opened on
 * this page, after which the payer comes back to this page with the outcome.
 */
export function PayOrder(props: {
  organizationId: number;
  orderId: number;
  locale: "ru" | "kk";
  providers: { id: ProviderId; label: string }[];
}) {
  const t = useTranslations("billing");
  const errors = useFormErrors();
  const groupId = useId();
  const [widgetFailed, setWidgetFailed] = useState(false);
  const [widgetOpen, setWidgetOpen] = useState(false);
  const start = trpc.employer.billing.startPayment.useMutation({
    onError: errors.fromServer,
    onSuccess: (started) => {
      if (started.kind === "redirect") {
        window.location.assign(started.url);
        return;
      }
      setWidgetOpen(true);
      openPaymentWidget(started)
        .then((outcome) => window.location.assign(outcome === "success" ? started.successUrl : started.failureUrl))
        .catch(() => {
          setWidgetOpen(false);
          setWidgetFailed(true);
        });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    setWidgetFailed(false);
    const provider = new FormData(event.currentTarget).get("provider");
    const chosen = props.providers.find((p) => p.id === provider) ?? props.providers[0]!;
    start.mutate({ organizationId: props.organizationId, orderId: props.orderId, provider: chosen.id, locale: props.locale });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {widgetFailed ? <Alert tone="error">{t("pay.widgetFailed")}</Alert> : null}
      <fieldset className="flex flex-col gap-2" aria-describedby={groupId}>
        <legend id={groupId} className="font-medium">
          {t("pay.choose")}
        </legend>
        {props.providers.map((provider, index) => (
          <label key={provider.id} className="flex items-center gap-2">
            <input type="radio" name="provider" value={provider.id} defaultChecked={index === 0} />
            {provider.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={start.isPending || widgetOpen} className="self-start">
        {t("pay.start")}
      </Button>
    </form>
  );
}
