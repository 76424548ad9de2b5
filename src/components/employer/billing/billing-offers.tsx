"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { useFormErrors } from "@/components/auth/use-form-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { trpc } from "@/trpc/react";

export interface OfferProduct {
  code: string;
  name: string;
  /** The price with what it buys, written out by the server. */
  price: string;
  /** The most that one cart line may hold. */
  maxQuantity: number;
}

export interface AccessOffer {
  code: string;
  /** Period, contact views and price, written out by the server. */
  label: string;
}

export interface NamedOption {
  id: number;
  name: string;
}

export interface BillingOffersProps {
  organizationId: number;
  publications: OfferProduct[];
  accesses: AccessOffer[];
  viewPacks: OfferProduct[];
  regions: NamedOption[];
  specializationGroups: (NamedOption & { children: NamedOption[] })[];
  /** Whether a resume-database access runs now: extra views are sold only then (H 19.2). */
  accessRunning: boolean;
}

/**
 * What an employer may put in the cart: publications, resume-database accesses (a region and one
 * or all specializations) and extra contact views. The server checks every rule again and answers
 * in the buyer's language; after a change the page is rendered again with the new cart.
 */
export function BillingOffers(props: BillingOffersProps) {
  const t = useTranslations("billing");
  const router = useRouter();
  const errors = useFormErrors();
  const idPrefix = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const { organizationId } = props;
  const add = trpc.employer.billing.addToCart.useMutation({
    onMutate: () => setNotice(null),
    onError: errors.fromServer,
    onSuccess: () => {
      setNotice(t("added"));
      router.refresh();
    },
  });

  function addQuantity(code: string) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      errors.reset();
      const quantity = Number(new FormData(event.currentTarget).get("quantity"));
      add.mutate({ organizationId, productCode: code, quantity });
    };
  }

  function addAccess(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.reset();
    const form = new FormData(event.currentTarget);
    const region = Number(form.get(`${idPrefix}-region`));
    const specialization = Number(form.get(`${idPrefix}-specialization`));
    if (!region) {
      errors.fromKey("errors.billing.regionRequired");
      return;
    }
    add.mutate({
      organizationId,
      productCode: String(form.get(`${idPrefix}-period`)),
      quantity: 1,
      regionId: region,
      specializationId: specialization || null,
    });
  }

  const productList = (products: OfferProduct[], testIdPrefix: string) => (
    <ul className="flex flex-col gap-2">
      {products.map((product) => (
        <li key={product.code} className="rounded-md border border-gray-200 bg-white p-3">
          <form onSubmit={addQuantity(product.code)} className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
            <div className="min-w-0">
              <p className="font-medium">{product.name}</p>
              <p className="text-sm text-gray-700">{product.price}</p>
            </div>
            <div className="flex items-end gap-2">
              <label className="flex flex-col text-sm">
                <span className="sr-only">{t("quantity", { name: product.name })}</span>
                <input
                  name="quantity"
                  type="number"
                  min={1}
                  max={product.maxQuantity}
                  defaultValue={1}
                  required
                  className="w-20 rounded-md border border-gray-400 px-2 py-2"
                />
              </label>
              <Button type="submit" disabled={add.isPending} data-testid={`${testIdPrefix}-${product.code}`}>
                {t("addToCart")}
              </Button>
            </div>
          </form>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="flex flex-col gap-6">
      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {errors.formError ? <Alert tone="error">{errors.formError}</Alert> : null}

      {props.publications.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-buy`} className="flex flex-col gap-3">
          <h2 id={`${idPrefix}-buy`} className="text-xl font-semibold">
            {t("buy")}
          </h2>
          <p className="text-sm text-gray-700">{t("validityRule")}</p>
          {productList(props.publications, "add")}
        </section>
      ) : null}

      {props.accesses.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-access`} className="flex flex-col gap-3">
          <h2 id={`${idPrefix}-access`} className="text-xl font-semibold">
            {t("accessTitle")}
          </h2>
          <p className="text-sm text-gray-700">{t("accessRule")}</p>
          <form
            onSubmit={addAccess}
            className="grid gap-3 rounded-md border border-gray-200 bg-white p-3 sm:grid-cols-3 sm:items-end"
            data-testid="access-form"
          >
            <SelectField id={`${idPrefix}-period`} label={t("accessPeriod")} defaultValue={props.accesses[0]?.code} required>
              {props.accesses.map((access) => (
                <option key={access.code} value={access.code}>
                  {access.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${idPrefix}-region`}
              label={t("accessRegion")}
              defaultValue=""
              required
              errors={errors.fieldErrors.regionId}
            >
              <option value="" disabled>
                {t("chooseRegion")}
              </option>
              {props.regions.map((region) => (
                <option key={region.id} value={region.id}>
                  {region.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${idPrefix}-specialization`}
              label={t("accessSpecialization")}
              defaultValue=""
              errors={errors.fieldErrors.specializationId}
            >
              <option value="">{t("allSpecializations")}</option>
              {props.specializationGroups.map((group) => (
                <optgroup key={group.id} label={group.name}>
                  {group.children.map((child) => (
                    <option key={child.id} value={child.id}>
                      {child.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <div className="sm:col-span-3">
              <Button type="submit" disabled={add.isPending} data-testid="add-access">
                {t("addToCart")}
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      {props.viewPacks.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-views`} className="flex flex-col gap-3">
          <h2 id={`${idPrefix}-views`} className="text-xl font-semibold">
            {t("viewPacksTitle")}
          </h2>
          <p className="text-sm text-gray-700">{props.accessRunning ? t("viewPacksRule") : t("viewPacksNeedAccess")}</p>
          {productList(props.viewPacks, "add-views")}
        </section>
      ) : null}
    </div>
  );
}
