"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { RichTextEditor } from "@/components/ui/rich-text-editor";
import { trpc } from "@/trpc/react";
import { formatDate } from "@/lib/format";
import { flagLabels } from "@/lib/moderation-terms/flag-labels";

export interface ModerationItem {
  id: number;
  title: string;
  descriptionHtml: string;
  organization: string;
  organizationVerified: boolean;
  city: string;
  specializations: string;
  specializationIds: number[];
  publicationType: string;
  companyDescription: string | null;
  flags: string[];
  submittedAt: Date | null;
}

export interface SpecializationGroupOption {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}

function Decision({
  item,
  groups,
  onDone,
}: {
  item: ModerationItem;
  groups: SpecializationGroupOption[];
  onDone: (message: string) => void;
}) {
  const t = useTranslations("adminModeration");
  const errors = useFormErrors();
  const [reason, setReason] = useState("");
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.descriptionHtml);
  const [specs, setSpecs] = useState(item.specializationIds.map(String));
  const decide = trpc.admin.moderation.decide.useMutation({ onError: errors.fromServer });
  const correct = trpc.admin.moderation.correct.useMutation({
    onError: errors.fromServer,
    onSuccess: () => onDone(t("corrected")),
  });
  const run = (decision: "approve" | "return" | "remove" | "delete") => {
    errors.reset();
    const onSuccess = () => onDone(t("done", { title: item.title }));
    if (decision === "approve") decide.mutate({ vacancyId: item.id, decision }, { onSuccess });
    else decide.mutate({ vacancyId: item.id, decision, reason }, { onSuccess });
  };
  const busy = decide.isPending || correct.isPending;
  return (
    <div className="flex flex-col gap-3">
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <Field
            id={`title-${item.id}`}
            label={t("correctTitle")}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            errors={errors.fieldErrors.title}
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={busy || title === item.title}
          onClick={() => correct.mutate({ vacancyId: item.id, title })}
        >
          {t("saveTitle")}
        </Button>
      </div>
      <RichTextEditor
        id={`description-${item.id}`}
        label={t("correctDescription")}
        hint={t("correctDescriptionHint")}
        initialValue={item.descriptionHtml}
        onChange={setDescription}
        errors={errors.fieldErrors.description}
      />
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        disabled={busy || description === item.descriptionHtml}
        onClick={() => correct.mutate({ vacancyId: item.id, description })}
      >
        {t("saveDescription")}
      </Button>
      <div className="flex flex-col gap-1">
        <label htmlFor={`specs-${item.id}`} className="text-sm font-medium text-gray-800">
          {t("correctSpecializations")}
        </label>
        <select
          id={`specs-${item.id}`}
          multiple
          size={6}
          value={specs}
          onChange={(e) => setSpecs([...e.target.selectedOptions].map((o) => o.value))}
          aria-invalid={errors.fieldErrors.specializationIds?.length ? true : undefined}
          className="rounded-md border border-gray-400 px-3 py-2 text-base"
        >
          {groups.map((group) => (
            <optgroup key={group.id} label={group.name}>
              {group.children.map((spec) => (
                <option key={spec.id} value={spec.id}>
                  {spec.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors.fieldErrors.specializationIds?.length ? (
          <p className="text-sm text-red-700">{errors.fieldErrors.specializationIds.join(" ")}</p>
        ) : null}
      </div>
      <Button
        type="button"
        variant="secondary"
        className="self-start"
        disabled={busy || specs.join(",") === item.specializationIds.join(",")}
        onClick={() => correct.mutate({ vacancyId: item.id, specializationIds: specs.map(Number) })}
      >
        {t("saveSpecializations")}
      </Button>
      <TextAreaField
        id={`reason-${item.id}`}
        label={t("reason")}
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errors={errors.fieldErrors.reason}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => run("approve")}>
          {t("approve")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => run("return")}>
          {t("return")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => run("remove")}>
          {t("remove")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => run("delete")}>
          {t("delete")}
        </Button>
      </div>
    </div>
  );
}

/** Submitted vacancies, oldest first, with the text rules' flags. */
export function ModerationQueue({ items, groups }: { items: ModerationItem[]; groups: SpecializationGroupOption[] }) {
  const t = useTranslations("adminModeration");
  const tTypes = useTranslations("publicationTypes");
  const tFlags = useTranslations("moderationFlags");
  const locale = useLocale();
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {items.length === 0 ? <p className="text-gray-700">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-6">
        {items.map((item) => (
          <li key={item.id} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
            <h2 className="text-lg font-semibold break-words">{item.title}</h2>
            <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-gray-700">{t("organization")}</dt>
              <dd>
                {item.organization} {item.organizationVerified ? null : <span className="text-red-800">({t("unverified")})</span>}
              </dd>
              <dt className="text-gray-700">{t("flags")}</dt>
              <dd className={item.flags.length ? "font-medium text-amber-900" : undefined}>
                {item.flags.length ? flagLabels(item.flags, (key, values) => tFlags(key, values)).join("; ") : t("noFlags")}
              </dd>
            </dl>
            <p className="text-sm text-gray-700">
              {item.city} · {item.specializations} · {tTypes(item.publicationType as "STANDARD")}
              {item.submittedAt
                ? ` · ${t("submitted", { date: formatDate(new Date(item.submittedAt), locale, "medium", { time: true }) })}`
                : null}
            </p>
            {item.companyDescription ? <p className="text-sm italic">{item.companyDescription}</p> : null}
            <div
              className="prose-vacancy max-h-80 overflow-auto rounded-md border border-gray-100 p-3 text-sm break-words"
              dangerouslySetInnerHTML={{ __html: item.descriptionHtml }}
            />
            <Decision
              item={item}
              groups={groups}
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
