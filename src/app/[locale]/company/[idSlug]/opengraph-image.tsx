import { organizationOgImage } from "@/server/seo/organization-og-image";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Jumys";
export const revalidate = 3600;

export default function Image({ params }: { params: Promise<{ locale: string; idSlug: string }> }) {
  return organizationOgImage("company", params);
}
