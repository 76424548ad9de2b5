// Text rules of a vacancy description. Pure functions: the editor runs them for a live preview and
// the server runs them again before saving, so both must agree.

export { cleanVacancyDescription } from "./description";
export { sameDuties, type DutiesFields } from "./duties";
export { detectProhibitedSchemes, type ProhibitedFlag } from "./prohibited-schemes";
export type { CleanedDescription, RemovedItem } from "./types";
