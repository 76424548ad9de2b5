import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { vacancyPath } from "@/lib/urls";
import { cityOptions, specializationGroups } from "@/server/services/catalog/catalog";

import { EmployerShell, type ShellOrganization } from "./employer-shell";
import { VacancyActions } from "./vacancy-actions";
import { VacancyEditor, type VacancyFormValues } from "./vacancy-editor";
import type { OrgRole } from "@/generated/prisma/enums";
import { isReadOnlyRole } from "@/lib/org-roles";

const EMPTY: VacancyFormValues = {
  title: "",
  language: "ru",
  specializationIds: [],
  cityId: null,
  address: null,
  salaryFrom: null,
  salaryTo: null,
  salaryGross: false,
  experience: "NONE",
  employmentType: "FULL_TIME",
  schedule: "FULL_DAY",
  isRemote: false,
  licenceCategories: [],
  description: "",
  publicationType: "STANDARD",
  companyDescription: null,
  contactName: null,
  contactPhone: null,
  contactEmail: null,
};

export interface EditedVacancy extends VacancyFormValues {
  id: number;
  slug: string;
  status: string;
  publishedAt: Date | null;
  moderationReason: string | null;
  moderatorChanges: unknown;
}

/** The page around the editor: status, the moderator's reason or corrections, actions, the form. */
export async function VacancyEditorPage(props: {
  locale: string;
  organization: ShellOrganization & { myRole: OrgRole };
  others: { id: number; displayName: string }[];
  vacancy: EditedVacancy | null;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: "employerVacancies" });
  const tStatus = await getTranslations({ locale: props.locale, namespace: "vacancyStatus" });
  const tStats = await getTranslations({ locale: props.locale, namespace: "vacancyStats" });
  const org = props.organization;
  const vacancy = props.vacancy;
  const readOnly = isReadOnlyRole(org.myRole) || vacancy?.status === "ARCHIVED" || vacancy?.status === "REMOVED";
  const changes = Array.isArray(vacancy?.moderatorChanges) ? (vacancy.moderatorChanges as { field: string }[]) : [];
  const changedFields = [...new Set(changes.map((c) => c.field))].map((f) => t(`fieldNames.${f as "title"}`));
  const [cities, specializations] = await Promise.all([cityOptions(props.locale), specializationGroups(props.locale)]);
  return (
    <EmployerShell locale={props.locale} organization={org} role={org.myRole} others={props.others} current="vacancies">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-xl font-semibold break-words">
          {vacancy ? t("editTitle", { title: vacancy.title }) : t("newTitle")}
        </h2>
        {vacancy ? (
          <Link href={`/employer/${org.id}/vacancies/${vacancy.id}/stats`} className="underline">
            {tStats("link")}
          </Link>
        ) : null}
      </div>
      {vacancy ? <p>{t("status", { status: tStatus(vacancy.status as "DRAFT") })}</p> : null}
      {vacancy?.status === "RETURNED" && vacancy.moderationReason ? (
        <Alert tone="error">{t("returnedReason", { reason: vacancy.moderationReason })}</Alert>
      ) : null}
      {vacancy?.status === "REMOVED" && vacancy.moderationReason ? (
        <Alert tone="error">{t("removedReason", { reason: vacancy.moderationReason })}</Alert>
      ) : null}
      {changedFields.length > 0 ? <Alert tone="info">{t("moderatorChanged", { fields: changedFields.join(", ") })}</Alert> : null}
      {isReadOnlyRole(org.myRole) ? <Alert tone="info">{t("observer")}</Alert> : null}
      {org.verification !== "VERIFIED" && !isReadOnlyRole(org.myRole) ? <Alert tone="info">{t("unverified")}</Alert> : null}
      <ClientMessages
        locale={props.locale}
        namespaces={[
          "employerVacancies",
          "vacancy",
          "publicationTypes",
          "moderationFlags",
          "removedKinds",
          "richText",
          "errors",
          "validation",
        ]}
      >
        {vacancy && !isReadOnlyRole(org.myRole) ? (
          <VacancyActions
            organizationId={org.id}
            vacancyId={vacancy.id}
            status={vacancy.status}
            deletable={(vacancy.status === "DRAFT" || vacancy.status === "RETURNED") && vacancy.publishedAt === null}
            publicUrl={vacancy.status === "PUBLISHED" ? `/${props.locale}${vacancyPath(vacancy.id, vacancy.slug)}` : null}
          />
        ) : null}
        <VacancyEditor
          organizationId={org.id}
          vacancyId={vacancy?.id ?? null}
          values={vacancy ?? EMPTY}
          cities={cities}
          specializations={specializations}
          readOnly={readOnly}
        />
      </ClientMessages>
    </EmployerShell>
  );
}
