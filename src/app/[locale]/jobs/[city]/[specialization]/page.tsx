import { landingMetadata, LandingRoute } from "@/components/landing-page";

// "Drivers category C in Almaty": one page per city × specialization, cached for an hour.
export const revalidate = 3600;
export function generateStaticParams(): { city: string; specialization: string }[] {
  return [];
}

export const generateMetadata = landingMetadata;
export default LandingRoute;
