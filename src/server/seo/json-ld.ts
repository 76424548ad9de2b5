// Structured data for search engines (schema.org in JSON-LD). Pure functions: the pages pass in
// what they already show, so the markup always matches the visible content.

export interface JobPostingInput {
  id: number;
  url: string;
  title: string;
  descriptionHtml: string;
  datePosted: Date;
  validThrough: Date | null;
  employmentType: string;
  isRemote: boolean;
  salaryFrom: number | null;
  salaryTo: number | null;
  /** null for anonymous vacancies: the employer stays confidential, and so does its street address. */
  company: { name: string; url: string; logoUrl: string } | null;
  location: { streetAddress: string | null; locality: string; region: string };
  directApply: boolean;
}

const EMPLOYMENT_TYPES: Record<string, string> = {
  FULL_TIME: "FULL_TIME",
  PART_TIME: "PART_TIME",
  PROJECT: "CONTRACTOR",
  TEMPORARY: "TEMPORARY",
  INTERNSHIP: "INTERN",
  VOLUNTEER: "VOLUNTEER",
};

// Google's JobPosting documentation, hiringOrganization
// (https://developers.google.com/search/docs/appearance/structured-data/job-posting#job-posting-definition):
// "If the organization is hiring anonymously (for example, a staffing agency on behalf of an
// anonymous employer or an employer directly on your platform), use the confidential value for
// the hiringOrganization field."
export const CONFIDENTIAL_EMPLOYER = "confidential";

export function jobPostingJsonLd(input: JobPostingInput): Record<string, unknown> {
  // The street address of an anonymous vacancy is the employer's (the same as on its company
  // page): only the city is given.
  const streetAddress = input.company ? input.location.streetAddress : null;
  const salary =
    input.salaryFrom !== null || input.salaryTo !== null
      ? {
          "@type": "MonetaryAmount",
          currency: "KZT",
          value: {
            "@type": "QuantitativeValue",
            ...(input.salaryFrom !== null ? { minValue: input.salaryFrom } : {}),
            ...(input.salaryTo !== null ? { maxValue: input.salaryTo } : {}),
            unitText: "MONTH",
          },
        }
      : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: input.title,
    description: input.descriptionHtml,
    identifier: { "@type": "PropertyValue", name: "Jumys", value: String(input.id) },
    datePosted: input.datePosted.toISOString(),
    ...(input.validThrough ? { validThrough: input.validThrough.toISOString() } : {}),
    employmentType: EMPLOYMENT_TYPES[input.employmentType] ?? "OTHER",
    // Google's documented value for an employer hiring anonymously: "If the organization is hiring
    // anonymously (...), use the confidential value for the HiringOrganization field"
    // (developers.google.com/search/docs/appearance/structured-data/job-posting).
    hiringOrganization: input.company
      ? { "@type": "Organization", name: input.company.name, sameAs: input.company.url, logo: input.company.logoUrl }
      : CONFIDENTIAL_EMPLOYER,
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        ...(streetAddress ? { streetAddress } : {}),
        addressLocality: input.location.locality,
        addressRegion: input.location.region,
        addressCountry: "KZ",
      },
    },
    ...(input.isRemote
      ? { jobLocationType: "TELECOMMUTE", applicantLocationRequirements: { "@type": "Country", name: "KZ" } }
      : {}),
    ...(salary ? { baseSalary: salary } : {}),
    directApply: input.directApply,
    url: input.url,
  };
}

export function breadcrumbJsonLd(items: { name: string; url: string }[]): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({ "@type": "ListItem", position: index + 1, name: item.name, item: item.url })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the script element. */
export const serializeJsonLd = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
