import type { LicenceCategory, Sex, TraineeStatus } from "@/generated/prisma/enums";

import { decodeIin, isValidKzIdentifier } from "../kz-identifiers";

import { ageOn } from "./calendar-day";
import { MINIMUM_LICENCE_AGE } from "./licence-categories";

// The rules a trainee's record obeys, whatever brought it (the form or an import): the IIN is
// real and tells the same birth date and sex as the ones entered; a minor is kept only with the
// guardian's written consent (Law 94-V on personal data: a minor's data is processed with the
// consent of their legal representative); and the trainee reaches the category's minimum age by
// the end of the course, since no licence is issued before it. Messages are catalogue keys.

/** Majority in Kazakhstan (Civil Code art. 17). */
export const AGE_OF_MAJORITY = 18;

export type TraineeField = "iin" | "birthDate" | "sex" | "category" | "guardian" | "guardianConsentOn";

export interface TraineeIssue {
  field: TraineeField;
  messageKey: string;
}

export interface TraineeFacts {
  iin: string;
  birthDate: string;
  sex: Sex;
  category: LicenceCategory;
  guardian: { name: string; relation: string; consentOn: string } | null;
}

export interface TraineeContext {
  /** Today's Almaty day. */
  today: string;
  /** The last day of the trainee's course (their group's end), if they are in a group. */
  courseEndsOn: string | null;
}

export function isMinor(birthDate: string, today: string): boolean {
  return ageOn(birthDate, today) < AGE_OF_MAJORITY;
}

/** Every rule the record breaks, in the order of its fields; empty when it is fine. */
export function traineeIssues(facts: TraineeFacts, context: TraineeContext): TraineeIssue[] {
  const issues: TraineeIssue[] = [];
  if (!/^\d{12}$/.test(facts.iin)) issues.push({ field: "iin", messageKey: "validation.trainee.iinFormat" });
  else if (!isValidKzIdentifier(facts.iin)) issues.push({ field: "iin", messageKey: "validation.trainee.iinCheckDigit" });
  else {
    const decoded = decodeIin(facts.iin);
    if (!decoded) issues.push({ field: "iin", messageKey: "validation.trainee.iinNotPerson" });
    else {
      if (decoded.birthDate !== facts.birthDate)
        issues.push({ field: "birthDate", messageKey: "validation.trainee.iinBirthDate" });
      if (decoded.sex !== facts.sex) issues.push({ field: "sex", messageKey: "validation.trainee.iinSex" });
    }
  }
  if (facts.birthDate > context.today) {
    issues.push({ field: "birthDate", messageKey: "validation.trainee.birthDateFuture" });
    return issues;
  }
  const byDay = context.courseEndsOn && context.courseEndsOn > context.today ? context.courseEndsOn : context.today;
  if (ageOn(facts.birthDate, byDay) < MINIMUM_LICENCE_AGE[facts.category]) {
    issues.push({ field: "category", messageKey: "validation.trainee.tooYoungForCategory" });
  }
  if (isMinor(facts.birthDate, context.today)) {
    if (!facts.guardian) issues.push({ field: "guardian", messageKey: "validation.trainee.guardianConsentRequired" });
    else if (facts.guardian.consentOn > context.today) {
      issues.push({ field: "guardianConsentOn", messageKey: "validation.trainee.consentDateFuture" });
    }
  } else if (facts.guardian && facts.guardian.consentOn > context.today) {
    issues.push({ field: "guardianConsentOn", messageKey: "validation.trainee.consentDateFuture" });
  }
  return issues;
}

// Where a status may go next. A graduate is final (their certificate is issued); an expelled or
// transferred trainee may come back and enrol again.
const NEXT_STATUSES: Record<TraineeStatus, readonly TraineeStatus[]> = {
  ENROLLED: ["STUDYING", "EXPELLED", "TRANSFERRED"],
  STUDYING: ["GRADUATED", "EXPELLED", "TRANSFERRED"],
  GRADUATED: [],
  EXPELLED: ["ENROLLED"],
  TRANSFERRED: ["ENROLLED"],
};

export function canChangeStatus(from: TraineeStatus, to: TraineeStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function nextStatuses(from: TraineeStatus): readonly TraineeStatus[] {
  return NEXT_STATUSES[from];
}
