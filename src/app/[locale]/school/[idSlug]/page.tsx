import { organizationMetadata, organizationRoute } from "@/components/organization-page";

// A driving school's public page: its profile and open vacancies; courses and graduates join it
// with the schools' dashboard.
export const revalidate = 3600;
export function generateStaticParams(): { idSlug: string }[] {
  return [];
}

export const generateMetadata = organizationMetadata("school");
export default organizationRoute("school");
