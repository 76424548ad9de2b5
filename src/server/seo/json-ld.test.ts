import { describe, expect, it } from "vitest";

import { jobPostingJsonLd, type JobPostingInput } from "./json-ld";

const base: JobPostingInput = {
  id: 7,
  url: "https://jumys.test/ru/vacancy/7-voditel",
  title: "Водитель",
  descriptionHtml: "<p>Работа</p>",
  datePosted: new Date("2026-11-01T00:00:00Z"),
  validThrough: new Date("2026-12-01T00:00:00Z"),
  employmentType: "FULL_TIME",
  isRemote: false,
  salaryFrom: 300_000,
  salaryTo: null,
  company: { name: "Дала Транс", url: "https://jumys.test/ru/company/1-dala", logoUrl: "https://jumys.test/logos/1.svg" },
  location: { streetAddress: "пр. Рыскулова, 232", locality: "Алматы", region: "Алматы" },
  directApply: true,
};

describe("jobPostingJsonLd", () => {
  it("names a known employer and gives the street address", () => {
    const data = jobPostingJsonLd(base) as { hiringOrganization: unknown; jobLocation: { address: Record<string, string> } };
    expect(data.hiringOrganization).toEqual({
      "@type": "Organization",
      name: "Дала Транс",
      sameAs: base.company?.url,
      logo: base.company?.logoUrl,
    });
    expect(data.jobLocation.address.streetAddress).toBe("пр. Рыскулова, 232");
  });

  it("marks an anonymous vacancy's employer confidential, as Google documents, and gives its city only", () => {
    const data = jobPostingJsonLd({ ...base, company: null });
    expect(data.hiringOrganization).toBe("confidential");
    expect(data.jobLocation).toEqual({
      "@type": "Place",
      address: { "@type": "PostalAddress", addressLocality: "Алматы", addressRegion: "Алматы", addressCountry: "KZ" },
    });
    expect(JSON.stringify(data)).not.toContain("Рыскулова");
    expect(JSON.stringify(data)).not.toContain("Дала");
  });
});
