"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { almatyDayStart } from "@/lib/almaty-time";
import { parseTenge } from "@/lib/tenge";
import { trpc } from "@/trpc/react";

function Form({
  title,
  onSubmit,
  pending,
  submit,
  errors,
  notice,
  children,
}: {
  title: string;
  onSubmit: () => void;
  pending: boolean;
  submit: string;
  errors: ReturnType<typeof useFormErrors>;
  notice: string | null;
  children: ReactNode;
}) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    errors.reset();
    onSubmit();
  };
  return (
    <form onSubmit={handle} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div aria-live="polite">
        {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {children}
      <div>
        <Button type="submit" disabled={pending}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

function useAmount(errors: ReturnType<typeof useFormErrors>) {
  return (text: string): bigint | null => {
    const tiyn = parseTenge(text);
    if (tiyn === null) errors.fromKey("errors.billing.amountInvalid");
    return tiyn;
  };
}

/** A bank transfer against an invoice order: amount, date and the bank's reference. */
export function MarkPaidForm({ orderId, amount }: { orderId: number; amount: string }) {
  const t = useTranslations("finance.forms");
  const errors = useFormErrors();
  const router = useRouter();
  const toTiyn = useAmount(errors);
  const [form, setForm] = useState({ amount, paidAt: "", bankReference: "" });
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = trpc.admin.finance.markPaid.useMutation({ onError: errors.fromServer });
  const submit = () => {
    const amountTiyn = toTiyn(form.amount);
    if (amountTiyn === null) return;
    if (!form.paidAt) return errors.fromKey("errors.billing.paidAtInvalid");
    mutation.mutate(
      // The start of that day in Almaty: a payment dated today is never "in the future", whatever the hour.
      { orderId, amountTiyn, paidAt: almatyDayStart(form.paidAt), bankReference: form.bankReference },
      {
        onSuccess: () => {
          setNotice(t("paidDone"));
          router.refresh();
        },
      },
    );
  };
  return (
    <Form
      title={t("markPaid")}
      onSubmit={submit}
      pending={mutation.isPending}
      submit={t("markPaidSubmit")}
      errors={errors}
      notice={notice}
    >
      <Field
        id="paid-amount"
        label={t("amount")}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: e.target.value })}
        errors={errors.fieldErrors.amountTiyn}
      />
      <Field
        id="paid-at"
        type="date"
        label={t("paidAt")}
        value={form.paidAt}
        onChange={(e) => setForm({ ...form, paidAt: e.target.value })}
        errors={errors.fieldErrors.paidAt}
      />
      <Field
        id="paid-reference"
        label={t("bankReference")}
        maxLength={100}
        value={form.bankReference}
        onChange={(e) => setForm({ ...form, bankReference: e.target.value })}
        errors={errors.fieldErrors.bankReference}
      />
    </Form>
  );
}

/** A correction of an organisation's balance, up or down, with its reason. */
export function AdjustBalanceForm({ organizationId }: { organizationId: number }) {
  const t = useTranslations("finance.forms");
  const errors = useFormErrors();
  const router = useRouter();
  const toTiyn = useAmount(errors);
  const [form, setForm] = useState({ amount: "", reason: "" });
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = trpc.admin.finance.adjustBalance.useMutation({ onError: errors.fromServer });
  const submit = () => {
    const amountTiyn = toTiyn(form.amount);
    if (amountTiyn === null) return;
    mutation.mutate(
      { organizationId, amountTiyn, reason: form.reason },
      {
        onSuccess: () => {
          setNotice(t("adjustDone"));
          setForm({ amount: "", reason: "" });
          router.refresh();
        },
      },
    );
  };
  return (
    <Form
      title={t("adjust")}
      onSubmit={submit}
      pending={mutation.isPending}
      submit={t("adjustSubmit")}
      errors={errors}
      notice={notice}
    >
      <Field
        id="adjust-amount"
        label={t("amountSigned")}
        hint={t("amountSignedHint")}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: e.target.value })}
        errors={errors.fieldErrors.amountTiyn}
      />
      <TextAreaField
        id="adjust-reason"
        label={t("reason")}
        rows={2}
        maxLength={1000}
        value={form.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
        errors={errors.fieldErrors.reason}
      />
    </Form>
  );
}

/** A refund of unspent balance, by bank transfer or back to a card payment. */
export function RefundForm({
  organizationId,
  cardPayments,
}: {
  organizationId: number;
  cardPayments: { id: number; label: string }[];
}) {
  const t = useTranslations("finance.forms");
  const errors = useFormErrors();
  const router = useRouter();
  const toTiyn = useAmount(errors);
  const [form, setForm] = useState({ amount: "", reason: "", paymentId: "" });
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = trpc.admin.finance.refund.useMutation({ onError: errors.fromServer });
  const submit = () => {
    const amountTiyn = toTiyn(form.amount);
    if (amountTiyn === null) return;
    mutation.mutate(
      { organizationId, amountTiyn, reason: form.reason, paymentId: form.paymentId ? Number(form.paymentId) : null },
      {
        onSuccess: () => {
          setNotice(t("refundDone"));
          setForm({ amount: "", reason: "", paymentId: "" });
          router.refresh();
        },
      },
    );
  };
  return (
    <Form
      title={t("refund")}
      onSubmit={submit}
      pending={mutation.isPending}
      submit={t("refundSubmit")}
      errors={errors}
      notice={notice}
    >
      <Field
        id="refund-amount"
        label={t("amount")}
        inputMode="decimal"
        value={form.amount}
        onChange={(e) => setForm({ ...form, amount: e.target.value })}
        errors={errors.fieldErrors.amountTiyn}
      />
      <SelectField
        id="refund-payment"
        label={t("refundWay")}
        value={form.paymentId}
        onChange={(e) => setForm({ ...form, paymentId: e.target.value })}
        errors={errors.fieldErrors.paymentId}
      >
        <option value="">{t("byTransfer")}</option>
        {cardPayments.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="refund-reason"
        label={t("reason")}
        rows={2}
        maxLength={1000}
        value={form.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
        errors={errors.fieldErrors.reason}
      />
    </Form>
  );
}

/** Ends a requested refund: by transfer finance says how it went; by card it is sent to the provider. */
export function RefundActions({ refundId, byCard }: { refundId: number; byCard: boolean }) {
  const t = useTranslations("finance.forms");
  const errors = useFormErrors();
  const router = useRouter();
  const [reference, setReference] = useState("");
  const done = { onSuccess: () => router.refresh(), onError: errors.fromServer };
  const settle = trpc.admin.finance.settleRefund.useMutation(done);
  const send = trpc.admin.finance.sendRefund.useMutation(done);
  const pending = settle.isPending || send.isPending;
  return (
    <div className="flex flex-col gap-2">
      <div aria-live="polite">{errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}</div>
      {byCard ? (
        <div>
          <Button type="button" disabled={pending} onClick={() => send.mutate({ refundId })}>
            {t("sendToProvider")}
          </Button>
        </div>
      ) : (
        <>
          <Field
            id={`refund-reference-${refundId}`}
            label={t("bankReference")}
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={pending} onClick={() => settle.mutate({ refundId, outcome: "COMPLETED", reference })}>
              {t("settleCompleted")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              disabled={pending}
              onClick={() => settle.mutate({ refundId, outcome: "FAILED", reference })}
            >
              {t("settleFailed")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** A new price version of a product, from a future date on. */
export function PriceVersionForm({ productCode, productName }: { productCode: string; productName: string }) {
  const t = useTranslations("finance.forms");
  const errors = useFormErrors();
  const router = useRouter();
  const toTiyn = useAmount(errors);
  const [form, setForm] = useState({ price: "", vat: "12", validFrom: "" });
  const [notice, setNotice] = useState<string | null>(null);
  const mutation = trpc.admin.finance.addPrice.useMutation({ onError: errors.fromServer });
  const submit = () => {
    const priceTiyn = toTiyn(form.price);
    if (priceTiyn === null) return;
    const vatPercent = Number(form.vat.replace(",", "."));
    if (!form.validFrom) return errors.fromKey("errors.billing.validFromPast");
    if (!Number.isFinite(vatPercent)) return errors.fromKey("errors.billing.vatRateInvalid");
    mutation.mutate(
      { productCode, priceTiyn, vatRate: Math.round(vatPercent * 100), validFrom: new Date(`${form.validFrom}T00:00:00+05:00`) },
      {
        onSuccess: () => {
          setNotice(t("priceDone"));
          router.refresh();
        },
      },
    );
  };
  const id = productCode.replace(/\W/g, "-");
  return (
    <Form
      title={t("newPrice", { name: productName })}
      onSubmit={submit}
      pending={mutation.isPending}
      submit={t("priceSubmit")}
      errors={errors}
      notice={notice}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field
          id={`${id}-price`}
          label={t("price")}
          inputMode="decimal"
          value={form.price}
          onChange={(e) => setForm({ ...form, price: e.target.value })}
          errors={errors.fieldErrors.priceTiyn}
        />
        <Field
          id={`${id}-vat`}
          label={t("vat")}
          inputMode="decimal"
          value={form.vat}
          onChange={(e) => setForm({ ...form, vat: e.target.value })}
          errors={errors.fieldErrors.vatRate}
        />
        <Field
          id={`${id}-from`}
          type="date"
          label={t("validFrom")}
          value={form.validFrom}
          onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
          errors={errors.fieldErrors.validFrom}
        />
      </div>
    </Form>
  );
}
