import { describe, expect, it } from "vitest";

import { EMPTY_RESUME_SEARCH, parseResumeSearchParams, resumeSearchSchema, resumeSearchToQuery } from "./params";

describe("the resume database's URL", () => {
  it("reads every filter and writes it back canonically", () => {
    const query =
      "q=водитель&region=almaty-region&relocate=1&spec=driver&salary_from=300000&salary_to=600000&with_salary=1" +
      "&experience=3&licence=c&licence=CE&verified=1&lang=kk&lang=ru&employment=full_time&schedule=shift&period=7&sort=date&page=2";
    const { params, notices } = parseResumeSearchParams(new URLSearchParams(query));
    expect(notices).toEqual([]);
    expect(params).toEqual({
      ...EMPTY_RESUME_SEARCH,
      q: "водитель",
      region: "almaty-region",
      relocate: true,
      specializations: ["driver"],
      salaryFrom: 300_000,
      salaryTo: 600_000,
      withSalary: true,
      experienceYears: 3,
      licences: ["C", "CE"],
      verified: true,
      languages: ["kk", "ru"],
      employment: ["FULL_TIME"],
      schedule: ["SHIFT"],
      period: 7,
      sort: "date",
      page: 2,
    });
    expect(parseResumeSearchParams(new URLSearchParams(resumeSearchToQuery(params))).params).toEqual(params);
    // Whatever the URL gives passes the API's strict schema.
    expect(resumeSearchSchema.parse(params)).toEqual(params);
  });

  it("drops what it cannot use with a notice, as the vacancy search does", () => {
    const { params, notices } = parseResumeSearchParams({
      q: "x".repeat(250),
      city: "Not a slug!",
      salary_from: "500000",
      salary_to: "100",
      experience: "0",
      licence: ["c", "Z"],
      lang: "klingon",
      period: "2",
      sort: "salary",
      page: "99",
    });
    expect(params.q.length).toBeLessThanOrEqual(200);
    expect(params).toMatchObject({
      city: null,
      salaryFrom: 500_000,
      salaryTo: null,
      experienceYears: null,
      licences: ["C"],
      languages: [],
      period: null,
      sort: null,
      page: 1,
    });
    expect(notices.sort()).toEqual(
      [
        "queryTruncated",
        "locationUnknown",
        "salaryInvalid",
        "filterValueInvalid",
        "periodInvalid",
        "sortInvalid",
        "pageTooDeep",
      ].sort(),
    );
  });

  it("lets a city win over a region and writes defaults as nothing", () => {
    expect(parseResumeSearchParams({ city: "almaty", region: "astana-region" }).params).toMatchObject({
      city: "almaty",
      region: null,
    });
    expect(resumeSearchToQuery(EMPTY_RESUME_SEARCH)).toBe("");
  });

  it("refuses bad values of the API with message keys", () => {
    const result = resumeSearchSchema.safeParse({ salaryFrom: 10, salaryTo: 5, page: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual([
      "validation.resumeSearch.page",
      "validation.resumeSearch.salaryRange",
    ]);
  });
});
