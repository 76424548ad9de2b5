import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadHiringOrganization } from "@/components/employer/load-organization";
import { TemplateEditor } from "@/components/employer/template-editor";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { api } from "@/trpc/server";
import { isReadOnlyRole } from "@/lib/org-roles";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("inbox", "templates", { index: false });

export default async function TemplatesPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadHiringOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "inbox" });
  const tLang = await getTranslations({ locale, namespace: "employer.languages" });
  const templates = await api.employer.applications.templates({ organizationId: org.id });
  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="applications">
      <h2 className="text-xl font-semibold">{t("templates")}</h2>
      <p className="text-sm text-gray-700">
        {t("placeholders", { name: "{name}", vacancy: "{vacancy}", organization: "{organization}" })}
      </p>
      <ClientMessages locale={locale} namespaces={["inbox", "errors", "validation"]}>
        {templates.map((tpl) => (
          <section
            key={`${tpl.kind}-${tpl.locale}`}
            aria-labelledby={`${tpl.kind}-${tpl.locale}-heading`}
            className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4"
          >
            <h3 id={`${tpl.kind}-${tpl.locale}-heading`} className="font-semibold">
              {t("templateFor", { kind: t(`kinds.${tpl.kind}`), language: tLang(tpl.locale) })}
            </h3>
            <TemplateEditor
              organizationId={org.id}
              kind={tpl.kind}
              locale={tpl.locale}
              subject={tpl.subject}
              body={tpl.body}
              readOnly={isReadOnlyRole(org.myRole)}
            />
          </section>
        ))}
      </ClientMessages>
    </EmployerShell>
  );
}
