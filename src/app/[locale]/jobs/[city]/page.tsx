import { landingMetadata, LandingRoute } from "@/components/landing-page";

// All vacancies of a city with links to its specializations, cached for an hour.
export const revalidate = 3600;
export function generateStaticParams(): { city: string }[] {
  return [];
}

export const generateMetadata = landingMetadata;
export default LandingRoute;
