import { organizationMetadata, organizationRoute } from "@/components/organization-page";

// A company's public page with its open vacancies (never its anonymous ones).
export const revalidate = 3600;
export function generateStaticParams(): { idSlug: string }[] {
  return [];
}

export const generateMetadata = organizationMetadata("company");
export default organizationRoute("company");
