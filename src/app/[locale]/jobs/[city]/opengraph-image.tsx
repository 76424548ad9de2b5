import { landingOgImage } from "@/server/seo/landing-og-image";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Jumys";

export default function Image({ params }: { params: Promise<{ locale: string; city: string }> }) {
  return landingOgImage(params);
}
