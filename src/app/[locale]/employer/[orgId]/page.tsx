import { getTranslations, setRequestLocale } from "next-intl/server";

import { DeletionRequest } from "@/components/employer/deletion-request";
import { EmployerShell } from "@/components/employer/employer-shell";
import { LegalForm } from "@/components/employer/legal-form";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { OrganizationForm } from "@/components/employer/organization-form";
import { LogoUpload } from "@/components/organization/logo-upload";
import { SchoolCoursesForm } from "@/components/school/school-courses-form";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { cityOptions } from "@/server/services/catalog/catalog";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employer", "title", { index: false });

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function OrganizationDashboardPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others, kind } = await loadDashboardOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "employer" });
  const isOwner = org.myRole === "OWNER";
  // A driving school's owners and managers keep the courses its public page lists.
  const editsCourses = org.type === "DRIVING_SCHOOL" && (org.myRole === "OWNER" || org.myRole === "MANAGER");
  const courses = editsCourses ? await api.school.courses.list({ organizationId: org.id }) : [];
  const tSchool = await getTranslations({ locale, namespace: "schoolProfile" });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="overview">
      {editsCourses ? (
        <ClientMessages locale={locale} namespaces={["schoolProfile", "errors", "validation"]}>
          <Section id="courses-heading" title={tSchool("courses")}>
            <SchoolCoursesForm organizationId={org.id} courses={courses} />
          </Section>
        </ClientMessages>
      ) : null}
      {isOwner ? (
        <ClientMessages locale={locale} namespaces={["employer", "errors", "validation", "organizationLogo"]}>
          <Section id="profile-heading" title={t("profile")}>
            <OrganizationForm
              kind={kind}
              mode="profile"
              locale={locale}
              organizationId={org.id}
              cities={await cityOptions(locale)}
              values={{
                displayName: org.displayName,
                description: org.description,
                website: org.website,
                email: org.email,
                phone: org.phone,
                cityId: org.cityId,
                address: org.address,
              }}
            />
          </Section>
          <Section id="logo-heading" title={t("logo")}>
            <LogoUpload organizationId={org.id} logoPath={org.logoPath} name={org.displayName} />
          </Section>
          <Section id="legal-heading" title={t("legal")}>
            {org.verification === "VERIFIED" ? (
              <>
                <p>
                  {org.legalName} · {org.bin ?? org.iin}
                </p>
                <p className="text-sm text-gray-700">{t("legalLocked")}</p>
              </>
            ) : (
              <LegalForm
                kind={kind}
                organizationId={org.id}
                legalName={org.legalName}
                identifier={org.bin ?? org.iin ?? ""}
                isPerson={org.type === "PRIVATE_RECRUITER"}
              />
            )}
          </Section>
          <Section id="deletion-heading" title={t("deletion.title")}>
            <DeletionRequest kind={kind} organizationId={org.id} requestedAt={org.deletionRequestedAt} />
          </Section>
        </ClientMessages>
      ) : (
        <Section id="profile-heading" title={t("profile")}>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-gray-700">{t("form.legalName")}</dt>
            <dd>{org.legalName}</dd>
            <dt className="text-gray-700">
              {org.type === "PRIVATE_RECRUITER" ? t("form.identifierPerson") : t("form.identifier")}
            </dt>
            <dd>{org.bin ?? org.iin ?? "—"}</dd>
            <dt className="text-gray-700">{t("form.email")}</dt>
            <dd>{org.email ?? "—"}</dd>
            <dt className="text-gray-700">{t("form.phone")}</dt>
            <dd>{org.phone ?? "—"}</dd>
            <dt className="text-gray-700">{t("form.website")}</dt>
            <dd>{org.website ?? "—"}</dd>
          </dl>
        </Section>
      )}
    </EmployerShell>
  );
}
