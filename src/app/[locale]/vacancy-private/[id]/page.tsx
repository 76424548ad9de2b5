import type { Metadata } from "next";
import { notFound } from "next/navigation";

// Closed vacancies (H 4.27) are seen only by the seekers their organisation invites. Invitations
// arrive with the employer's applicant inbox; until a caller can be matched to one, nobody
// outside the organisation is let in, and guests get the ordinary 404.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function PrivateVacancyPage() {
  notFound();
}
