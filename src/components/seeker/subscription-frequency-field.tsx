"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { SUBSCRIPTION_FREQUENCIES, type SubscriptionFrequencyValue } from "@/lib/validation/subscriptions";

/** "How often": daily or weekly, as a labelled group of radio buttons. */
export function FrequencyField({
  name,
  defaultValue,
  errors,
}: {
  name: string;
  defaultValue: SubscriptionFrequencyValue;
  errors?: string[] | null;
}) {
  const t = useTranslations("subscriptions");
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId}>
      <legend className="mb-1 text-sm font-medium text-gray-800">{t("frequency")}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {SUBSCRIPTION_FREQUENCIES.map((value) => (
          <div key={value} className="flex items-center gap-2">
            <input
              id={`${id}-${value}`}
              type="radio"
              name={name}
              value={value}
              defaultChecked={value === defaultValue}
              className="h-4 w-4"
            />
            <label htmlFor={`${id}-${value}`} className="text-sm text-gray-900">
              {t(`frequencyOption.${value}`)}
            </label>
          </div>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
