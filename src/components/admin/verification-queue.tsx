"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";

export interface QueueItem {
  id: number;
  type: string;
  legalName: string;
  displayName: string;
  identifier: string | null;
  contacts: string;
  city: string | null;
  /** A driving school's education licence number, when it gave one. */
  educationLicence: string | null;
  owners: string;
  createdAt: Date;
}

function Decision({ item, onDone }: { item: QueueItem; onDone: (message: string) => void }) {
  const t = useTranslations("adminOrganizations");
  const errors = useFormErrors();
  const [reason, setReason] = useState("");
  const decide = trpc.admin.organizations.decide.useMutation({ onError: errors.fromServer });
  const submit = (decision: "VERIFIED" | "REJECTED") =>
    decide.mutate(
      { organizationId: item.id, decision, reason },
      { onSuccess: () => onDone(t(decision === "VERIFIED" ? "verified" : "rejected", { name: item.displayName })) },
    );
  return (
    <div className="flex flex-col gap-2">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <TextAreaField
        id={`reason-${item.id}`}
        label={t("reason")}
        rows={2}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        errors={errors.fieldErrors.reason}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={decide.isPending} onClick={() => submit("VERIFIED")}>
          {t("verify")}
        </Button>
        <Button type="button" variant="secondary" disabled={decide.isPending} onClick={() => submit("REJECTED")}>
          {t("reject")}
        </Button>
      </div>
    </div>
  );
}

/** The operators' queue of organisations waiting for verification, oldest first. */
export function VerificationQueue({ items }: { items: QueueItem[] }) {
  const t = useTranslations("adminOrganizations");
  const tTypes = useTranslations("employer.types");
  const locale = useLocale();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {items.length === 0 ? <p className="text-gray-700">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-4">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
            <h2 className="text-lg font-semibold break-words">
              {item.displayName} <span className="text-sm font-normal text-gray-700">({item.legalName})</span>
            </h2>
            <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-gray-700">{t("type")}</dt>
              <dd>{tTypes(item.type as "EMPLOYER")}</dd>
              <dt className="text-gray-700">{t("identifier")}</dt>
              <dd className="font-mono">{item.identifier ?? "—"}</dd>
              <dt className="text-gray-700">{t("owners")}</dt>
              <dd className="break-all">{item.owners}</dd>
              <dt className="text-gray-700">{t("contacts")}</dt>
              <dd className="break-all">{[item.contacts, item.city].filter(Boolean).join(" · ") || "—"}</dd>
              {item.educationLicence ? (
                <>
                  <dt className="text-gray-700">{t("educationLicence")}</dt>
                  <dd className="break-all">{item.educationLicence}</dd>
                </>
              ) : null}
            </dl>
            <p className="text-sm text-gray-700">
              {t("created", { date: formatDate(new Date(item.createdAt), locale, "medium") })}
            </p>
            <Decision
              item={item}
              onDone={(message) => {
                setNotice(message);
                router.refresh();
              }}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
