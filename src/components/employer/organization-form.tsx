"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import {
  createOrganizationSchema,
  organizationProfileSchema,
  REGISTRABLE_TYPES,
  type RegistrableType,
} from "@/lib/validation/organization";
import { trpc } from "@/trpc/react";

export interface CityOption {
  id: number;
  name: string;
}

export interface OrganizationProfileValues {
  displayName: string;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  cityId: number | null;
  address: string | null;
}

type Props =
  | { mode: "register"; cities: CityOption[]; locale: string }
  | {
      mode: "profile";
      cities: CityOption[];
      locale: string;
      organizationId: number;
      values: OrganizationProfileValues;
      /** Which router the organisation is changed through (a driving school has its own). */
      kind?: "employer" | "school";
    };

function profileFrom(form: FormData) {
  const city = String(form.get("cityId") ?? "");
  return {
    displayName: form.get("displayName"),
    description: form.get("description"),
    website: form.get("website"),
    email: form.get("email"),
    phone: form.get("phone"),
    cityId: city === "" ? null : Number(city),
    address: form.get("address"),
  };
}

/**
 * Registration of a new organisation (an employer or a driving school), or its owner's edit of the
 * public profile.
 */
export function OrganizationForm(props: Props) {
  const t = useTranslations("employer");
  const router = useRouter();
  const errors = useFormErrors();
  const [type, setType] = useState<RegistrableType>("EMPLOYER");
  const isSchool = props.mode === "register" && type === "DRIVING_SCHOOL";
  const register = trpc.employer.register.useMutation({
    onError: errors.fromServer,
    onSuccess: (org) => router.push(`/${props.locale}/employer/${org.id}`),
  });
  const updated = { onError: errors.fromServer, onSuccess: () => router.refresh() };
  const updateEmployer = trpc.employer.organization.update.useMutation(updated);
  const updateSchool = trpc.school.organization.update.useMutation(updated);
  const update = props.mode === "profile" && props.kind === "school" ? updateSchool : updateEmployer;
  const pending = register.isPending || update.isPending;
  const values = props.mode === "profile" ? props.values : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    if (props.mode === "register") {
      const input = errors.validate(createOrganizationSchema, {
        ...profileFrom(form),
        type,
        legalName: form.get("legalName"),
        identifier: form.get("identifier"),
        educationLicence: type === "DRIVING_SCHOOL" ? form.get("educationLicence") : null,
      });
      if (input) register.mutate(input);
    } else {
      const profile = errors.validate(organizationProfileSchema, profileFrom(form));
      if (profile) update.mutate({ organizationId: props.organizationId, profile });
    }
  }

  const fe = errors.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {update.isSuccess ? <Alert tone="success">{t("form.saved")}</Alert> : null}
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}
      {props.mode === "register" ? (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-gray-800">{t("form.type")}</legend>
            {REGISTRABLE_TYPES.map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="type" value={value} checked={type === value} onChange={() => setType(value)} />
                {t(`types.${value}`)}
              </label>
            ))}
          </fieldset>
          <Field
            id="legalName"
            label={t("form.legalName")}
            hint={t("form.legalNameHint")}
            required
            maxLength={255}
            errors={fe.legalName}
          />
          <Field
            id="identifier"
            label={type === "PRIVATE_RECRUITER" ? t("form.identifierPerson") : t("form.identifier")}
            hint={t("form.identifierHint")}
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={14}
            errors={fe.identifier}
          />
          {isSchool ? (
            <Field
              id="educationLicence"
              label={t("form.educationLicence")}
              hint={t("form.educationLicenceHint")}
              autoComplete="off"
              maxLength={60}
              errors={fe.educationLicence}
            />
          ) : null}
        </>
      ) : null}
      <Field
        id="displayName"
        label={t("form.displayName")}
        defaultValue={values?.displayName}
        required
        maxLength={160}
        errors={fe.displayName}
      />
      <Field
        id="email"
        label={t("form.email")}
        type="email"
        autoComplete="email"
        defaultValue={values?.email ?? ""}
        errors={fe.email}
      />
      <Field
        id="phone"
        label={t("form.phone")}
        hint={t("form.phoneHint")}
        type="tel"
        autoComplete="tel"
        defaultValue={values?.phone ?? ""}
        errors={fe.phone}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="cityId" className="text-sm font-medium text-gray-800">
          {t("form.city")}
        </label>
        <select
          id="cityId"
          name="cityId"
          defaultValue={values?.cityId ?? ""}
          required={isSchool}
          aria-invalid={fe.cityId?.length ? true : undefined}
          aria-describedby={fe.cityId?.length ? "cityId-error" : undefined}
          className="rounded-md border border-gray-400 px-3 py-2 text-base"
        >
          <option value="">{t("form.noCity")}</option>
          {props.cities.map((city) => (
            <option key={city.id} value={city.id}>
              {city.name}
            </option>
          ))}
        </select>
        {fe.cityId?.length ? (
          <p id="cityId-error" className="text-sm text-red-700">
            {fe.cityId.join(" ")}
          </p>
        ) : null}
      </div>
      <Field
        id="address"
        label={t("form.address")}
        defaultValue={values?.address ?? ""}
        required={isSchool}
        maxLength={255}
        errors={fe.address}
      />
      <Field id="website" label={t("form.website")} type="url" defaultValue={values?.website ?? ""} errors={fe.website} />
      <TextAreaField
        id="description"
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        rows={6}
        maxLength={5000}
        defaultValue={values?.description ?? ""}
        errors={fe.description}
      />
      <Button type="submit" disabled={pending} className="self-start">
        {props.mode === "register" ? t("form.submitRegister") : t("form.save")}
      </Button>
    </form>
  );
}
