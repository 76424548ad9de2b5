import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError, type z } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { AccessDeniedError } from "@/server/auth/guards";

import { makeBin, makeIin } from "@/lib/kz-identifiers";

import {
  createOrganization,
  createUser,
  createVerifiedOrganization,
  ensureLegalDocuments,
  signedIn,
  signedInStaff,
} from "../../../test/support/factories";
import { grantSchoolPlan } from "../../../test/support/school-factories";

import { appRouter, createCaller } from "./root";
import { createContext } from "./trpc";

/**
 * Every procedure of every router, called by every kind of caller. A new procedure without an
 * entry here fails the "covers every procedure" test, so access rules cannot be forgotten.
 */
const CALLERS = [
  "guest",
  "seeker",
  "employerOwner",
  "employerManager",
  "employerObserver",
  "foreignEmployerOwner",
  "schoolOwner",
  "schoolManager",
  "schoolObserver",
  "schoolInstructor",
  "schoolInstructorB",
  "foreignSchoolOwner",
  "superadmin",
  "support",
  "moderator",
  "finance",
  // A superadmin whose session has not passed the second factor: refused by every admin procedure.
  "unverifiedStaff",
] as const;
type Caller = (typeof CALLERS)[number];

const EVERYONE = new Set<Caller>(CALLERS);
const SIGNED_IN = new Set<Caller>(CALLERS.filter((c) => c !== "guest"));
/** Staff of any role, whether or not the session passed the second factor yet. */
const STAFF = new Set<Caller>(["superadmin", "support", "moderator", "finance", "unverifiedStaff"]);
const VERIFIED_STAFF: ReadonlySet<Caller> = new Set<Caller>(["superadmin", "support", "moderator", "finance"]);

interface Fixture {
  employerOrgId: number;
  schoolOrgId: number;
  /** Organisations whose members may leave during the run, and one waiting for verification. */
  employerLeaveOrgId: number;
  schoolLeaveOrgId: number;
  pendingOrgId: number;
  /** A verified employer with the same members, where buying is possible. */
  billingOrgId: number;
  cityId: number;
  specializationId: number;
  /** Vacancies of the employer organisation: one that stays a draft, one to delete, one submitted. */
  draftVacancyId: number;
  /** Drafts of the registry school: one that stays a draft, one to delete. */
  schoolDraftVacancyId: number;
  schoolDeletableVacancyId: number;
  deletableVacancyId: number;
  submittedVacancyId: number;
  emailId: number;
  /** A NEW complaint (started by the first allowed caller) and a NEW feedback ticket. */
  complaintTicketId: number;
  feedbackTicketId: number;
  /** A verified school's registry: group A (taught by schoolInstructor) and B (by schoolInstructorB). */
  registryOrgId: number;
  groupAId: number;
  instructorAMembershipId: number;
  /** A trainee of group A, and one of group A whose status the writers change. */
  traineeAId: number;
  statusTraineeId: number;
  runId: string;
  runNumber: number;
}

interface Rule {
  allowed: Set<Caller>;
  input: (f: Fixture, caller: Caller) => unknown;
}

const none = () => undefined;

/** The procedures every organisation router has (employer and school), with who may call them. */
function orgRouterPolicy(
  router: "employer" | "school",
  o: {
    orgId: (f: Fixture) => number;
    leaveOrgId: (f: Fixture) => number;
    owner: Caller;
    readers: Caller[];
    inviteRole: string;
  },
): Record<string, Rule> {
  const owner = new Set<Caller>([o.owner]);
  const readers = new Set<Caller>(o.readers);
  const org = (f: Fixture) => ({ organizationId: o.orgId(f) });
  const p = `${router}.organization`;
  return {
    [`${p}.get`]: { allowed: readers, input: org },
    [`${p}.members`]: { allowed: readers, input: org },
    [`${p}.update`]: {
      allowed: owner,
      input: (f) => ({
        ...org(f),
        profile: {
          displayName: "Матрица Профиль",
          description: "",
          website: "",
          email: "",
          phone: "",
          cityId: null,
          address: "",
        },
      }),
    },
    [`${p}.updateLegal`]: {
      allowed: owner,
      input: (f) => ({
        ...org(f),
        legal: {
          legalName: "ТОО «Матрица Юр»",
          identifier: makeBin({ year: 2022, month: router === "school" ? 5 : 4 }, 20_000 + (f.runNumber % 997)),
        },
      }),
    },
    [`${p}.requestDeletion`]: { allowed: owner, input: org },
    [`${p}.invitations`]: { allowed: owner, input: org },
    [`${p}.invite`]: {
      allowed: owner,
      input: (f, c) => ({ ...org(f), email: `invite-${f.runId}-${router}-${c}@example.kz`, role: o.inviteRole, locale: "kk" }),
    },
    // Ids that do not exist in the organisation: allowed callers get through to NOT_FOUND.
    [`${p}.revokeInvitation`]: { allowed: owner, input: (f) => ({ ...org(f), invitationId: 999_999 }) },
    [`${p}.changeRole`]: { allowed: owner, input: (f) => ({ ...org(f), membershipId: 999_999, role: o.inviteRole }) },
    [`${p}.removeMember`]: { allowed: owner, input: (f) => ({ ...org(f), membershipId: 999_999 }) },
    // In an organisation of its own: the owner is refused as the last owner (CONFLICT), the others leave it.
    [`${p}.leave`]: { allowed: readers, input: (f) => ({ organizationId: o.leaveOrgId(f) }) },
    [`${p}.block`]: { allowed: readers, input: org },
    // Not blocked: the owner gets through to CONFLICT (nothing to appeal).
    [`${p}.appeal`]: { allowed: owner, input: (f) => ({ ...org(f), text: "Просим пересмотреть блокировку организации." }) },
  };
}

const DESCRIPTION =
  "<p>Перевозка грузов по Казахстану на тягаче с полуприцепом. Обязанности: приём и сдача груза, контроль крепления, ведение путевых листов, ежедневный осмотр автомобиля. Требования: права категории CE, стаж от трёх лет.</p>";

/** A complete resume whose city does not exist: allowed callers get a validation error, nothing is written. */
function matrixResume(f: Fixture) {
  return {
    title: "Водитель",
    desiredSalary: null,
    cityId: 999_999,
    relocationRegionIds: [],
    specializationIds: [f.specializationId],
    employmentTypes: ["FULL_TIME"],
    schedules: [],
    experiences: [],
    educations: [],
    languages: [],
    skills: [],
    licences: [],
    about: null,
    visibility: "ALL",
    hiddenOrganizationIds: [],
  };
}

/**
 * The resume database: every member of a hiring organisation searches (observers too), in a
 * verified organisation (an unverified one is refused by the domain, see search-resumes.int.test.ts).
 */
function resumeDatabasePolicy(orgId: (f: Fixture) => number, readers: Caller[]): Record<string, Rule> {
  return {
    "employer.resumeDatabase.search": {
      allowed: new Set(readers),
      input: (f) => ({ organizationId: orgId(f), search: { q: "водитель", licences: ["C"], verified: true } }),
    },
    // Each caller's own saved searches; the same readers save them.
    "employer.savedResumeSearches.list": { allowed: new Set(readers), input: (f) => ({ organizationId: orgId(f) }) },
    "employer.savedResumeSearches.save": {
      allowed: new Set(readers),
      input: (f, c) => ({
        organizationId: orgId(f),
        search: { query: `q=${encodeURIComponent(`матрица ${f.runId} ${c}`)}`, name: "Матрица", frequency: "WEEKLY" },
      }),
    },
    // No such saved search of the caller: allowed callers get through to NOT_FOUND.
    "employer.savedResumeSearches.update": {
      allowed: new Set(readers),
      input: (f) => ({ organizationId: orgId(f), change: { id: 999_999, name: "Другое" } }),
    },
    "employer.savedResumeSearches.delete": {
      allowed: new Set(readers),
      input: (f) => ({ organizationId: orgId(f), target: { id: 999_999 } }),
    },
  };
}

/** An employer's billing: members read; owners and managers buy, in a verified organisation. */
function billingPolicy(): Record<string, Rule> {
  const readers = new Set<Caller>(["employerOwner", "employerManager", "employerObserver"]);
  const buyers = new Set<Caller>(["employerOwner", "employerManager"]);
  const org = (f: Fixture) => ({ organizationId: f.billingOrgId });
  const p = "employer.billing";
  return {
    [`${p}.overview`]: { allowed: readers, input: org },
    [`${p}.ledger`]: { allowed: readers, input: (f) => ({ ...org(f), kinds: ["TOP_UP"] }) },
    [`${p}.orders`]: { allowed: readers, input: org },
    // No such order: allowed callers get through to NOT_FOUND.
    [`${p}.order`]: { allowed: readers, input: (f) => ({ ...org(f), orderId: 999_999 }) },
    [`${p}.prices`]: { allowed: readers, input: org },
    [`${p}.cart`]: { allowed: buyers, input: org },
    [`${p}.addToCart`]: { allowed: buyers, input: (f) => ({ ...org(f), productCode: "vacancy.standard", quantity: 1 }) },
    [`${p}.setQuantity`]: { allowed: buyers, input: (f) => ({ ...org(f), lineId: 999_999, quantity: 2 }) },
    [`${p}.removeFromCart`]: { allowed: buyers, input: (f) => ({ ...org(f), lineId: 999_999 }) },
    // The first buyer checks out (not enough balance or an empty cart: CONFLICT for the rest).
    [`${p}.checkout`]: { allowed: buyers, input: (f) => ({ ...org(f), method: "INVOICE" }) },
    [`${p}.clearCart`]: { allowed: buyers, input: org },
    [`${p}.cancelOrder`]: { allowed: buyers, input: (f) => ({ ...org(f), orderId: 999_999 }) },
    [`${p}.paymentProviders`]: { allowed: buyers, input: org },
    // No provider is configured in the tests (or no such order): NOT_FOUND for the buyers.
    [`${p}.startPayment`]: {
      allowed: buyers,
      input: (f) => ({ ...org(f), orderId: 999_999, provider: "stripe", locale: "ru" }),
    },
  };
}

/**
 * The tickets console: complaints for moderators and support, feedback for support (superadmins
 * both). The feedback ticket's procedures refuse a moderator as the procedure gate refuses others.
 */
function ticketsPolicy(): Record<string, Rule> {
  const complaints = new Set<Caller>(["superadmin", "support", "moderator"]);
  const feedback = new Set<Caller>(["superadmin", "support"]);
  const p = "admin.tickets";
  return {
    [`${p}.list`]: { allowed: complaints, input: () => ({ status: "all", assignee: "mine" }) },
    [`${p}.get`]: { allowed: feedback, input: (f) => ({ ticketId: f.feedbackTicketId }) },
    // Not staff: allowed callers get a validation error from the domain, nothing is written.
    [`${p}.assign`]: { allowed: feedback, input: (f) => ({ ticketId: f.feedbackTicketId, assigneeId: 999_999 }) },
    // The first allowed caller starts it; the next ones get CONFLICT (no longer new).
    [`${p}.start`]: { allowed: complaints, input: (f) => ({ ticketId: f.complaintTicketId }) },
    // Not taken up yet: CONFLICT for the allowed callers.
    [`${p}.answer`]: {
      allowed: feedback,
      input: (f) => ({ ticketId: f.feedbackTicketId, answer: "Спасибо, ответ на обращение." }),
    },
    [`${p}.close`]: { allowed: complaints, input: () => ({ ticketId: 999_999, closeReason: "REPEAT" }) },
  };
}

/** The finance console: finance staff and superadmins only; unknown ids get through to NOT_FOUND. */
function financePolicy(): Record<string, Rule> {
  const finance = new Set<Caller>(["superadmin", "finance"]);
  const p = "admin.finance";
  const day = 86_400_000;
  return {
    [`${p}.orders`]: { allowed: finance, input: () => ({ method: "INVOICE", number: "J-" }) },
    [`${p}.order`]: { allowed: finance, input: () => ({ orderId: 999_999 }) },
    [`${p}.payments`]: { allowed: finance, input: () => ({ provider: "BANK_TRANSFER" }) },
    [`${p}.organization`]: { allowed: finance, input: (f) => ({ organizationId: f.billingOrgId }) },
    [`${p}.markPaid`]: {
      allowed: finance,
      input: () => ({ orderId: 999_999, amountTiyn: 100_000n, paidAt: new Date(Date.now() - day), bankReference: "PP-1" }),
    },
    [`${p}.adjustBalance`]: {
      allowed: finance,
      input: (f) => ({ organizationId: f.billingOrgId, amountTiyn: 100_00n, reason: "Проверка доступа" }),
    },
    // More than the balance: CONFLICT for the allowed callers, nothing written.
    [`${p}.refund`]: {
      allowed: finance,
      input: (f) => ({ organizationId: f.billingOrgId, amountTiyn: 1_000_000_000_00n, reason: "Проверка доступа" }),
    },
    [`${p}.settleRefund`]: { allowed: finance, input: () => ({ refundId: 999_999, outcome: "COMPLETED", reference: "PP-2" }) },
    [`${p}.sendRefund`]: { allowed: finance, input: () => ({ refundId: 999_999 }) },
    [`${p}.tariffs`]: { allowed: finance, input: none },
    [`${p}.addPrice`]: {
      allowed: finance,
      input: () => ({
        productCode: "no.such.product",
        priceTiyn: 500_000n,
        vatRate: 1200,
        validFrom: new Date(Date.now() + day),
      }),
    },
    [`${p}.revenue`]: { allowed: finance, input: () => ({ from: new Date(Date.now() - 30 * day), to: new Date() }) },
  };
}

/**
 * The hiring procedures (vacancies, the applicant inbox, applicants' resumes) of one organisation:
 * its observers (and a school's instructors) read, managers and owners write; members of other
 * organisations, seekers and staff are refused. They run for an employer and for a driving school.
 */
function vacancyPolicy(o: {
  orgId: (f: Fixture) => number;
  draftId: (f: Fixture) => number;
  deletableId: (f: Fixture) => number;
  readers: Caller[];
  writers: Caller[];
}): Record<string, Rule> {
  const readers = new Set<Caller>(o.readers);
  const writers = new Set<Caller>(o.writers);
  const vacancy = (f: Fixture) => ({
    title: "Водитель-дальнобойщик",
    specializationIds: [f.specializationId],
    cityId: f.cityId,
    salaryFrom: 400_000,
    salaryTo: 600_000,
    experience: "FROM_3_TO_6",
    employmentType: "FULL_TIME",
    schedule: "ROTATION",
    licenceCategories: ["CE"],
    description: DESCRIPTION,
    publicationType: "STANDARD",
  });
  const org = (f: Fixture) => ({ organizationId: o.orgId(f) });
  const draft = (f: Fixture) => ({ ...org(f), vacancyId: o.draftId(f) });
  return {
    "employer.vacancies.list": { allowed: readers, input: org },
    "employer.vacancies.get": { allowed: readers, input: draft },
    "employer.vacancies.stats": { allowed: readers, input: draft },
    "employer.vacancies.create": { allowed: writers, input: (f) => ({ ...org(f), vacancy: vacancy(f) }) },
    "employer.vacancies.update": { allowed: writers, input: (f) => ({ ...draft(f), vacancy: vacancy(f) }) },
    // The employer is not verified and the school has no publication credit (CONFLICT), and a
    // draft cannot be archived or republished: allowed callers get through the access checks to
    // those answers.
    "employer.vacancies.submit": { allowed: writers, input: draft },
    "employer.vacancies.archive": { allowed: writers, input: draft },
    "employer.vacancies.republish": { allowed: writers, input: draft },
    "employer.vacancies.deleteDraft": { allowed: writers, input: (f) => ({ ...org(f), vacancyId: o.deletableId(f) }) },
    // No such application in the organisation: allowed callers get through to NOT_FOUND.
    "employer.applications.list": { allowed: readers, input: org },
    "employer.applications.get": { allowed: readers, input: (f) => ({ ...org(f), applicationId: 999_999 }) },
    "employer.applications.markViewed": { allowed: readers, input: (f) => ({ ...org(f), applicationId: 999_999 }) },
    "employer.resumes.get": { allowed: readers, input: (f) => ({ ...org(f), resumeId: "00000000-0000-4000-8000-000000000000" }) },
    // The employer is not verified (CONFLICT) and the registry school has no such vacancy or
    // resume (NOT_FOUND): owners and managers get through the access checks to those answers.
    "employer.resumes.invitableVacancies": {
      allowed: writers,
      input: (f) => ({ ...org(f), resumeId: "00000000-0000-4000-8000-000000000000" }),
    },
    "employer.resumes.invite": {
      allowed: writers,
      input: (f) => ({
        ...org(f),
        resumePublicId: "00000000-0000-4000-8000-000000000000",
        vacancyId: 999_999,
        message: "Приглашаем вас на собеседование.",
      }),
    },
    "employer.applications.templates": { allowed: readers, input: org },
    "employer.applications.addNote": { allowed: writers, input: (f) => ({ ...org(f), applicationId: 999_999, body: "Заметка" }) },
    "employer.applications.respond": {
      allowed: writers,
      input: (f) => ({ ...org(f), applicationIds: [999_999], decision: "REJECT" }),
    },
    "employer.applications.saveTemplate": {
      allowed: writers,
      input: (f) => ({
        ...org(f),
        kind: "INVITE",
        locale: "kk",
        subject: "Шақыру: {vacancy}",
        body: "Сәлеметсіз бе, {name}! Сұхбатқа шақырамыз.",
      }),
    },
  };
}

/** A trainee of the registry school, born 1990-1999, with an IIN of its own per caller. */
function matrixTrainee(f: Fixture, serial: number, groupId: number | null) {
  const year = 1990 + (serial % 10);
  return {
    fullName: "Матрица Обучающийся",
    iin: makeIin({ year, month: 5, day: 17 }, "male", (f.runNumber + serial * 37) % 9000),
    birthDate: `${year}-05-17`,
    sex: "MALE",
    phone: "+7 701 234 56 78",
    email: "",
    category: "B",
    groupId,
    guardian: null,
  };
}

/**
 * The driving-school registry: every member reads (an instructor only their own groups'
 * trainees: schoolInstructorB is refused a trainee of group A); owners and managers write.
 */
function schoolRegistryPolicy(): Record<string, Rule> {
  const readers = new Set<Caller>(["schoolOwner", "schoolManager", "schoolObserver", "schoolInstructor", "schoolInstructorB"]);
  const writers = new Set<Caller>(["schoolOwner", "schoolManager"]);
  const org = (f: Fixture) => ({ organizationId: f.registryOrgId });
  const group = (f: Fixture, name: string) => ({
    name,
    category: "B",
    startsOn: "2026-09-01",
    endsOn: "2026-12-25",
    instructorId: f.instructorAMembershipId,
    schedule: "Пн, Ср 18:00",
  });
  return {
    "school.courses.list": { allowed: readers, input: org },
    "school.courses.save": {
      allowed: writers,
      input: (f) => ({
        ...org(f),
        courses: [
          { category: "B", priceKzt: 180_000, durationHours: 130 },
          { category: "C", priceKzt: 260_000, durationHours: 190 },
        ],
      }),
    },
    "school.status": { allowed: readers, input: org },
    "school.groups.list": { allowed: readers, input: org },
    "school.groups.instructors": { allowed: writers, input: org },
    "school.groups.create": {
      allowed: writers,
      input: (f, c) => ({ ...org(f), group: group(f, `M-${f.runId}-${CALLERS.indexOf(c)}`) }),
    },
    "school.groups.update": { allowed: writers, input: (f) => ({ ...org(f), groupId: f.groupAId, group: group(f, "A") }) },
    "school.trainees.list": { allowed: readers, input: (f) => ({ ...org(f), query: "Матрица", status: "ENROLLED", page: 1 }) },
    "school.trainees.get": {
      allowed: new Set<Caller>(["schoolOwner", "schoolManager", "schoolObserver", "schoolInstructor"]),
      input: (f) => ({ ...org(f), traineeId: f.traineeAId }),
    },
    "school.trainees.create": {
      allowed: writers,
      input: (f, c) => ({ ...org(f), trainee: matrixTrainee(f, 10 + CALLERS.indexOf(c), null) }),
    },
    "school.trainees.update": {
      allowed: writers,
      input: (f) => ({ ...org(f), traineeId: f.traineeAId, trainee: matrixTrainee(f, 0, f.groupAId) }),
    },
    // The first writer starts the course; the next one is refused the same move (CONFLICT).
    "school.trainees.changeStatus": {
      allowed: writers,
      input: (f) => ({ ...org(f), traineeId: f.statusTraineeId, change: { status: "STUDYING", note: "Начал занятия" } }),
    },
  };
}

const POLICY: Record<string, Rule> = {
  "public.auth.signUp": {
    allowed: EVERYONE,
    input: (f, c) => ({
      accountType: "seeker",
      name: "Матрица Доступа",
      email: `matrix-${f.runId}-${c}@example.kz`,
      password: "matrix-password",
      adult: true,
      acceptTerms: true,
      locale: "ru",
    }),
  },
  "public.auth.requestSignInCode": {
    allowed: EVERYONE,
    input: (f, c) => ({ email: `code-${f.runId}-${c}@example.kz`, locale: "ru" }),
  },
  "public.auth.resendVerification": {
    allowed: EVERYONE,
    input: (f, c) => ({ email: `resend-${f.runId}-${c}@example.kz`, locale: "kk" }),
  },
  "public.viewer": { allowed: EVERYONE, input: none },
  "public.prices": { allowed: EVERYONE, input: none },
  "public.sendFeedback": {
    allowed: EVERYONE,
    input: (_f, c) => ({ name: "Гость", email: `${c}@example.kz`, message: "Проверка формы обратной связи.", locale: "ru" }),
  },
  "public.vacancies.cards": { allowed: EVERYONE, input: () => ({ ids: [1, 2, 3] }) },
  // The token is the authority: an unknown one answers "invalid" to anybody.
  "public.graduateInvitation": { allowed: EVERYONE, input: () => ({ token: "matrix-unknown-graduate-token-0123456789" }) },
  "public.vacancies.complain": {
    allowed: EVERYONE,
    // No such vacancy in the fixture: callers get through the access checks to NOT_FOUND.
    input: (_f, c) => ({ vacancyId: 999_999, reason: "FRAUD", message: "Проверка формы жалобы.", email: `${c}@example.kz` }),
  },

  "account.sessions": { allowed: SIGNED_IN, input: none },
  "account.revokeSession": { allowed: SIGNED_IN, input: () => ({ sessionId: "00000000-0000-4000-8000-000000000000" }) },
  "account.revokeOtherSessions": { allowed: SIGNED_IN, input: none },
  "account.profile": { allowed: SIGNED_IN, input: none },
  // An unknown city: allowed callers get through to a validation error, nothing is saved.
  "account.updateProfile": {
    allowed: SIGNED_IN,
    input: () => ({ name: "Матрица Профиль", phone: "", cityId: 999_999, locale: "ru" }),
  },
  // The fixture accounts have no marketing consent: saving "off" again changes nothing.
  "account.updatePreferences": {
    allowed: SIGNED_IN,
    input: () => ({ notifyApplicationUpdates: true, notifyDigests: true, marketing: false }),
  },
  // A wrong current password: allowed callers get a field error (BAD_REQUEST), nothing is sent or changed.
  "account.requestEmailChange": {
    allowed: SIGNED_IN,
    input: (f, c) => ({ newEmail: `change-${f.runId}-${c}@example.kz`, currentPassword: "not-the-password" }),
  },
  "account.changePassword": {
    allowed: SIGNED_IN,
    input: () => ({ currentPassword: "not-the-password", newPassword: "matrix-new-password" }),
  },
  // Emails a one-time code to the caller's own address (the outbox in tests).
  "account.sendReauthCode": { allowed: SIGNED_IN, input: none },
  // Ends the caller's sessions in the database; the matrix's contexts were resolved beforehand.
  "account.reportCompromise": { allowed: SIGNED_IN, input: () => ({ confirm: true }) },
  // A wrong typed address and password: allowed callers get a field error, nothing is deleted.
  "account.deleteAccount": {
    allowed: SIGNED_IN,
    input: () => ({ currentPassword: "not-the-password", confirmation: "not-my-address@example.kz" }),
  },

  // No such vacancy or application: the seeker gets through the access checks to NOT_FOUND.
  "seeker.applications.context": { allowed: new Set(["seeker"]), input: () => ({ vacancyId: 999_999 }) },
  "seeker.applications.submit": {
    allowed: new Set(["seeker"]),
    input: () => ({
      vacancyId: 999_999,
      resumeId: null,
      message: "Готов приступить к работе с понедельника, опыт пять лет.",
      phone: "+7 701 222 33 44",
    }),
  },
  "seeker.applications.list": { allowed: new Set(["seeker"]), input: none },
  "seeker.applications.withdraw": { allowed: new Set(["seeker"]), input: () => ({ applicationId: 999_999 }) },

  "seeker.graduate.consent": {
    allowed: new Set(["seeker"]),
    input: () => ({ token: "matrix-unknown-graduate-token-0123456789" }),
  },
  "seeker.graduate.decline": {
    allowed: new Set(["seeker"]),
    input: () => ({ token: "matrix-unknown-graduate-token-0123456789" }),
  },
  "seeker.saved.list": { allowed: new Set(["seeker"]), input: none },
  // No such vacancy: the seeker gets through the access checks to NOT_FOUND (add) or to nothing to do.
  "seeker.saved.add": { allowed: new Set(["seeker"]), input: () => ({ vacancyId: 999_999 }) },
  "seeker.saved.remove": { allowed: new Set(["seeker"]), input: () => ({ vacancyIds: [999_999] }) },
  "seeker.saved.merge": {
    allowed: new Set(["seeker"]),
    input: () => ({ entries: [{ id: 999_999, savedAt: "2026-01-01T00:00:00.000Z" }] }),
  },
  "seeker.subscriptions.list": { allowed: new Set(["seeker"]), input: none },
  "seeker.subscriptions.create": { allowed: new Set(["seeker"]), input: () => ({ query: "q=водитель", frequency: "WEEKLY" }) },
  // No such subscription: the seeker gets through the access checks to NOT_FOUND.
  "seeker.subscriptions.update": { allowed: new Set(["seeker"]), input: () => ({ id: 999_999, name: "Водитель C" }) },
  "seeker.subscriptions.setPaused": { allowed: new Set(["seeker"]), input: () => ({ id: 999_999, paused: true }) },
  "seeker.subscriptions.delete": { allowed: new Set(["seeker"]), input: () => ({ id: 999_999 }) },

  // A seeker's resumes: unknown ids are NOT_FOUND, an unknown city a validation error.
  "seeker.resumes.list": { allowed: new Set(["seeker"]), input: none },
  "seeker.resumes.get": { allowed: new Set(["seeker"]), input: () => ({ resumeId: 999_999 }) },
  "seeker.resumes.create": { allowed: new Set(["seeker"]), input: (f) => matrixResume(f) },
  "seeker.resumes.update": { allowed: new Set(["seeker"]), input: (f) => ({ resumeId: 999_999, resume: matrixResume(f) }) },
  "seeker.resumes.duplicate": { allowed: new Set(["seeker"]), input: () => ({ resumeId: 999_999, copySuffix: "(копия)" }) },
  "seeker.resumes.delete": { allowed: new Set(["seeker"]), input: () => ({ resumeId: 999_999 }) },
  "seeker.resumes.withContacts": { allowed: new Set(["seeker"]), input: () => ({ resumeId: 999_999 }) },
  "seeker.resumes.organizations": { allowed: new Set(["seeker"]), input: () => ({ query: "Кайнар" }) },
  "employer.resumes.complain": {
    allowed: new Set(["employerOwner", "employerManager", "employerObserver"]),
    // No such resume: members get NOT_FOUND, nothing is stored.
    input: (f) => ({
      organizationId: f.employerOrgId,
      resumeId: "00000000-0000-4000-8000-000000000000",
      reason: "OTHER",
      message: "Проверка доступа к жалобам.",
    }),
  },
  "seeker.resumes.requestReview": { allowed: new Set(["seeker"]), input: () => ({ resumeId: 999_999 }) },
  "seeker.resumes.openedBy": { allowed: new Set(["seeker"]), input: none },
  // No opening by that organisation: the seeker gets through to NOT_FOUND.
  "seeker.resumes.hideFromOrganization": { allowed: new Set(["seeker"]), input: () => ({ organizationId: 999_999 }) },
  // The resume database is employers' (schools are refused); a resume that does not exist: NOT_FOUND.
  "employer.resumes.open": {
    allowed: new Set(["employerOwner", "employerManager"]),
    input: (f) => ({ organizationId: f.billingOrgId, resumeId: "00000000-0000-4000-8000-000000000000" }),
  },
  "employer.resumes.openingStatus": {
    allowed: new Set(["employerOwner", "employerManager", "employerObserver"]),
    input: (f) => ({ organizationId: f.billingOrgId, resumeId: "00000000-0000-4000-8000-000000000000" }),
  },
  "employer.resumes.openings": {
    allowed: new Set(["employerOwner"]),
    input: (f) => ({ organizationId: f.billingOrgId, page: 1 }),
  },

  "employer.register": {
    allowed: SIGNED_IN,
    input: (f, c) => ({
      type: "AGENCY",
      legalName: `ТОО «Матрица ${c}»`,
      displayName: `Матрица ${c}`,
      identifier: makeBin({ year: 2021, month: 3 }, 10_000 + CALLERS.indexOf(c) * 100 + (f.runNumber % 97)),
      cityId: null,
    }),
  },
  "employer.organization.mine": { allowed: SIGNED_IN, input: none },
  ...orgRouterPolicy("employer", {
    orgId: (f) => f.employerOrgId,
    leaveOrgId: (f) => f.employerLeaveOrgId,
    owner: "employerOwner",
    readers: ["employerOwner", "employerManager", "employerObserver"],
    inviteRole: "MANAGER",
  }),

  "school.organization.mine": { allowed: SIGNED_IN, input: none },
  ...orgRouterPolicy("school", {
    orgId: (f) => f.schoolOrgId,
    leaveOrgId: (f) => f.schoolLeaveOrgId,
    owner: "schoolOwner",
    readers: ["schoolOwner", "schoolInstructor"],
    inviteRole: "INSTRUCTOR",
  }),

  ...vacancyPolicy({
    orgId: (f) => f.employerOrgId,
    draftId: (f) => f.draftVacancyId,
    deletableId: (f) => f.deletableVacancyId,
    readers: ["employerOwner", "employerManager", "employerObserver"],
    writers: ["employerOwner", "employerManager"],
  }),
  ...billingPolicy(),
  ...resumeDatabasePolicy((f) => f.billingOrgId, ["employerOwner", "employerManager", "employerObserver"]),

  "account.invitation": { allowed: SIGNED_IN, input: () => ({ token: "t".repeat(43) }) },
  "account.acceptInvitation": { allowed: SIGNED_IN, input: () => ({ token: "t".repeat(43) }) },

  "admin.staff.list": { allowed: new Set(["superadmin"]), input: none },
  "admin.staff.resetTotp": { allowed: new Set(["superadmin"]), input: () => ({ email: "nobody-staff@example.kz" }) },

  // The second factor itself: any staff member for their own account, before passing it. None of
  // the fixture's staff has enrolled, so the code checks get through to NOT_FOUND.
  "staffAuth.status": { allowed: STAFF, input: none },
  "staffAuth.startEnrolment": { allowed: STAFF, input: none },
  "staffAuth.confirmEnrolment": { allowed: STAFF, input: () => ({ code: "000000" }) },
  "staffAuth.verify": { allowed: STAFF, input: () => ({ code: "000000" }) },
  "staffAuth.useRecoveryCode": { allowed: STAFF, input: () => ({ code: "abcd-efgh" }) },
  "admin.staff.setRole": {
    allowed: new Set(["superadmin"]),
    input: () => ({ email: "nobody-staff@example.kz", role: "MODERATOR" }),
  },
  "admin.queues": { allowed: new Set(["superadmin", "moderator", "support", "finance"]), input: none },
  "admin.moderation.queue": { allowed: new Set(["superadmin", "moderator"]), input: none },
  "admin.moderation.decide": {
    allowed: new Set(["superadmin", "moderator"]),
    // The first allowed caller returns it; the next one gets CONFLICT (no longer submitted).
    input: (f) => ({ vacancyId: f.submittedVacancyId, decision: "return", reason: "Уточните обязанности." }),
  },
  "admin.moderation.correct": {
    allowed: new Set(["superadmin", "moderator"]),
    input: () => ({ vacancyId: 999_999, title: "Исправленное название" }),
  },
  "admin.terms.list": { allowed: new Set(["superadmin", "moderator"]), input: () => ({}) },
  "admin.terms.add": {
    allowed: new Set(["superadmin", "moderator"]),
    // The first allowed caller adds it; the next one gets CONFLICT (already in the list).
    input: () => ({ term: "матрица доступа", language: "both", kind: "PROHIBITED", match: "WORD" }),
  },
  "admin.terms.remove": { allowed: new Set(["superadmin", "moderator"]), input: () => ({ termId: 999_999 }) },
  "admin.resumes.queue": { allowed: new Set(["superadmin", "moderator"]), input: () => ({ page: 1 }) },
  "admin.resumes.hide": {
    allowed: new Set(["superadmin", "moderator"]),
    input: () => ({ resumeId: 999_999, reason: "Проверка доступа" }),
  },
  "admin.resumes.restore": { allowed: new Set(["superadmin", "moderator"]), input: () => ({ resumeId: 999_999 }) },
  "admin.organizationFlags.list": { allowed: new Set(["superadmin", "moderator"]), input: () => ({ page: 1 }) },
  "admin.organizationFlags.clear": {
    allowed: new Set(["superadmin", "moderator"]),
    // Not flagged: an allowed caller gets CONFLICT, nothing changes.
    input: (f) => ({ organizationId: f.employerOrgId }),
  },
  "admin.organizations.toVerify": { allowed: new Set(["superadmin", "support", "moderator"]), input: none },
  "admin.organizations.decide": {
    allowed: new Set(["superadmin", "support", "moderator"]),
    // The first allowed caller verifies it; the next ones get CONFLICT (already decided).
    input: (f) => ({ organizationId: f.pendingOrgId, decision: "VERIFIED" }),
  },

  "admin.deletions.list": { allowed: new Set(["superadmin"]), input: none },
  "admin.deletions.decide": {
    allowed: new Set(["superadmin"]),
    // Nobody asked to delete the fixture's organisation: a superadmin gets CONFLICT, nothing changes.
    input: (f) => ({ organizationId: f.employerOrgId, decision: "decline", note: "Запроса не было." }),
  },

  ...financePolicy(),
  ...schoolRegistryPolicy(),

  "admin.blocks.organizations": { allowed: new Set(["superadmin", "moderator", "support"]), input: () => ({ query: "Org" }) },
  "admin.blocks.user": {
    allowed: new Set(["superadmin", "moderator", "support"]),
    input: () => ({ email: "nobody-block@example.kz" }),
  },
  "admin.blocks.block": {
    allowed: new Set(["superadmin", "moderator"]),
    input: () => ({ target: { organizationId: 999_999 }, reason: "Проверка доступа" }),
  },
  "admin.blocks.lift": {
    allowed: new Set(["superadmin", "moderator"]),
    input: () => ({ blockId: 999_999, note: "Проверка доступа" }),
  },
  "admin.blocks.appeals": { allowed: new Set(["superadmin", "moderator"]), input: none },
  "admin.blocks.decide": {
    allowed: new Set(["superadmin", "moderator"]),
    input: () => ({ appealId: 999_999, decision: "UPHELD", note: "Проверка доступа" }),
  },
  "public.appeal.get": { allowed: EVERYONE, input: () => ({ token: "t".repeat(43) }) },
  "public.appeal.submit": {
    allowed: EVERYONE,
    input: () => ({ token: "t".repeat(43), text: "Прошу пересмотреть блокировку моего аккаунта." }),
  },

  "admin.metrics.activity": { allowed: new Set(["superadmin"]), input: () => ({}) },
  "admin.metrics.revenue": {
    allowed: new Set(["superadmin", "finance"]),
    input: () => ({ from: "2026-01-01", to: "2026-01-31" }),
  },
  // Versions of the terms: superadmins only. Nothing is published here (that would ask every
  // caller of the matrix to accept it): the version ids do not exist.
  "admin.legal.list": { allowed: new Set(["superadmin"]), input: none },
  "admin.legal.get": { allowed: new Set(["superadmin"]), input: () => ({ id: 999_999 }) },
  "admin.legal.compare": { allowed: new Set(["superadmin"]), input: () => ({ kind: "TERMS" }) },
  // The first superadmin call starts a draft, the next ones get CONFLICT (a draft exists).
  "admin.legal.createDraft": { allowed: new Set(["superadmin"]), input: () => ({ kind: "PRIVACY" }) },
  "admin.legal.updateDraft": {
    allowed: new Set(["superadmin"]),
    input: () => ({ id: 999_999, titleRu: "Соглашение", titleKk: "Келісім", bodyRu: "<p>Текст</p>", bodyKk: "<p>Мәтін</p>" }),
  },
  "admin.legal.publish": { allowed: new Set(["superadmin"]), input: () => ({ id: 999_999 }) },
  "account.pendingLegal": { allowed: SIGNED_IN, input: none },
  // Versions not in force: CONFLICT for everyone signed in, nothing recorded.
  "account.acceptLegal": { allowed: SIGNED_IN, input: () => ({ documentIds: [999_999] }) },

  "admin.audit.list": { allowed: new Set(["superadmin"]), input: () => ({ action: "staff.role.grant", page: 1 }) },
  "admin.emails.list": { allowed: new Set(["superadmin", "support"]), input: () => ({}) },
  "admin.emails.get": { allowed: new Set(["superadmin", "support"]), input: (f) => ({ id: f.emailId }) },

  ...ticketsPolicy(),
};

/**
 * The same hiring procedures for a driving school (its instructors and teachers): owners, managers
 * and observers read; owners and managers write; the school's own instructors take no part in hiring
 * (HIRING_RULE); the other school and employers are refused.
 */
const SCHOOL_HIRING_POLICY: Record<string, Rule> = {
  ...vacancyPolicy({
    orgId: (f) => f.registryOrgId,
    draftId: (f) => f.schoolDraftVacancyId,
    deletableId: (f) => f.schoolDeletableVacancyId,
    readers: ["schoolOwner", "schoolManager", "schoolObserver"],
    writers: ["schoolOwner", "schoolManager"],
  }),
  // The resume database is sold to employers only (PRODUCT_KIND_ORG_TYPES): a school's members are refused.
  ...resumeDatabasePolicy((f) => f.registryOrgId, []),
};

/** What the procedure's own input parsers (every `.input()` of its chain) say about `input`. */
function inputProblems(path: string, input: unknown): string[] {
  const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path];
  return (procedure?._def.inputs ?? []).flatMap((parser) => {
    const result = (parser as z.ZodType).safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  });
}

function procedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();
}

type AnyFn = (input?: unknown) => Promise<unknown>;
function procedureOf(caller: unknown, path: string): AnyFn {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as AnyFn;
}

let fixture: Fixture;
const contexts = new Map<Caller, ReturnType<typeof createContext>>();

beforeAll(async () => {
  await ensureLegalDocuments();
  const users = Object.fromEntries(
    await Promise.all(
      CALLERS.filter((c) => c !== "guest").map(async (c) => {
        const staffRole = (
          {
            superadmin: "SUPERADMIN",
            support: "SUPPORT",
            moderator: "MODERATOR",
            finance: "FINANCE",
            unverifiedStaff: "SUPERADMIN",
          } as const
        )[c as string];
        const user = await createUser({ isSeeker: c === "seeker", staffRole });
        return [c, user.id] as const;
      }),
    ),
  ) as Record<Exclude<Caller, "guest">, number>;

  const employer = await createOrganization("EMPLOYER", [
    { userId: users.employerOwner, role: "OWNER" },
    { userId: users.employerManager, role: "MANAGER" },
    { userId: users.employerObserver, role: "OBSERVER" },
  ]);
  const employerLeave = await createOrganization("EMPLOYER", [
    { userId: users.employerOwner, role: "OWNER" },
    { userId: users.employerManager, role: "MANAGER" },
    { userId: users.employerObserver, role: "OBSERVER" },
  ]);
  const schoolLeave = await createOrganization("DRIVING_SCHOOL", [
    { userId: users.schoolOwner, role: "OWNER" },
    { userId: users.schoolInstructor, role: "INSTRUCTOR" },
  ]);
  const region = await db.region.create({ data: { slug: "matrix-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({ data: { regionId: region.id, slug: "matrix-city", nameRu: "Город", nameKk: "Қала" } });
  const specialization = await db.specialization.create({
    data: { slug: "matrix-driver", nameRu: "Водитель", nameKk: "Жүргізуші" },
  });
  const newVacancy = (status: "DRAFT" | "SUBMITTED", organizationId = employer.id) =>
    db.vacancy.create({
      data: {
        organizationId,
        title: "Водитель",
        slug: "voditel",
        description: DESCRIPTION,
        cityId: city.id,
        status,
        specializations: { create: [{ specializationId: specialization.id }] },
      },
    });
  const [draftVacancy, deletableVacancy, submittedVacancy] = [
    await newVacancy("DRAFT"),
    await newVacancy("DRAFT"),
    await newVacancy("SUBMITTED"),
  ];
  const billing = await createVerifiedOrganization("EMPLOYER", [
    { userId: users.employerOwner, role: "OWNER" },
    { userId: users.employerManager, role: "MANAGER" },
    { userId: users.employerObserver, role: "OBSERVER" },
  ]);
  const pending = await createOrganization("EMPLOYER");
  await db.organization.update({ where: { id: pending.id }, data: { verification: "PENDING" } });
  await createOrganization("AGENCY", [{ userId: users.foreignEmployerOwner, role: "OWNER" }]);
  const school = await createOrganization("DRIVING_SCHOOL", [
    { userId: users.schoolOwner, role: "OWNER" },
    { userId: users.schoolInstructor, role: "INSTRUCTOR" },
  ]);
  const email = await db.emailMessage.create({
    data: {
      toAddress: "x@example.kz",
      fromAddress: "no-reply@jumys.kz",
      subject: "s",
      html: "<p>h</p>",
      text: "h",
      template: "t",
      transport: "outbox",
    },
  });
  const newTicket = (kind: "COMPLAINT" | "FEEDBACK") =>
    db.ticket.create({ data: { kind, message: "Проверка доступа к обращениям.", authorEmail: "ticket-matrix@example.kz" } });
  const [complaintTicket, feedbackTicket] = [await newTicket("COMPLAINT"), await newTicket("FEEDBACK")];
  const registry = await createVerifiedOrganization("DRIVING_SCHOOL", [
    { userId: users.schoolOwner, role: "OWNER" },
    { userId: users.schoolManager, role: "MANAGER" },
    { userId: users.schoolObserver, role: "OBSERVER" },
    { userId: users.schoolInstructor, role: "INSTRUCTOR" },
    { userId: users.schoolInstructorB, role: "INSTRUCTOR" },
  ]);
  await grantSchoolPlan(registry.id);
  await createVerifiedOrganization("DRIVING_SCHOOL", [{ userId: users.foreignSchoolOwner, role: "OWNER" }]);
  const instructorOf = (userId: number) =>
    db.membership.findUniqueOrThrow({ where: { userId_organizationId: { userId, organizationId: registry.id } } });
  const [schoolDraft, schoolDeletable] = [await newVacancy("DRAFT", registry.id), await newVacancy("DRAFT", registry.id)];
  const [instructorA, instructorB] = [await instructorOf(users.schoolInstructor), await instructorOf(users.schoolInstructorB)];
  const newGroup = (name: string, instructorId: number) =>
    db.schoolGroup.create({
      data: {
        organizationId: registry.id,
        name,
        category: "B",
        startsOn: new Date("2026-09-01"),
        endsOn: new Date("2026-12-25"),
        instructorId,
      },
    });
  const groupA = await newGroup("A", instructorA.id);
  await newGroup("B", instructorB.id);
  const newTrainee = (serial: number) =>
    db.trainee.create({
      data: {
        organizationId: registry.id,
        groupId: groupA.id,
        fullName: "Матрица Обучающийся",
        iin: makeIin({ year: 1995, month: 3, day: 2 }, "female", serial),
        birthDate: new Date("1995-03-02"),
        sex: "FEMALE",
        category: "B",
        statusChanges: { create: { status: "ENROLLED", effectiveOn: new Date("2026-09-01") } },
      },
    });
  const [traineeA, statusTrainee] = [await newTrainee(1), await newTrainee(2)];
  fixture = {
    registryOrgId: registry.id,
    groupAId: groupA.id,
    instructorAMembershipId: instructorA.id,
    traineeAId: traineeA.id,
    statusTraineeId: statusTrainee.id,
    employerOrgId: employer.id,
    schoolOrgId: school.id,
    employerLeaveOrgId: employerLeave.id,
    schoolLeaveOrgId: schoolLeave.id,
    pendingOrgId: pending.id,
    billingOrgId: billing.id,
    cityId: city.id,
    specializationId: specialization.id,
    draftVacancyId: draftVacancy.id,
    schoolDraftVacancyId: schoolDraft.id,
    schoolDeletableVacancyId: schoolDeletable.id,
    deletableVacancyId: deletableVacancy.id,
    submittedVacancyId: submittedVacancy.id,
    emailId: email.id,
    complaintTicketId: complaintTicket.id,
    feedbackTicketId: feedbackTicket.id,
    runId: Math.random().toString(36).slice(2, 8),
    runNumber: Math.floor(Math.random() * 1_000_000),
  };

  contexts.set("guest", createContext({ user: null }));
  for (const [caller, id] of Object.entries(users)) {
    const user = VERIFIED_STAFF.has(caller as Caller) ? await signedInStaff(id) : await signedIn(id);
    contexts.set(caller as Caller, createContext({ user }));
  }
});

describe("tRPC access matrix", () => {
  it("covers every procedure", () => {
    expect(procedurePaths().filter((p) => !(p in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((p) => !procedurePaths().includes(p))).toEqual([]);
  });

  const cases = [
    ...Object.keys(POLICY)
      .sort()
      .map((path) => [path, path, POLICY[path]!] as const),
    ...Object.keys(SCHOOL_HIRING_POLICY)
      .sort()
      .map((path) => [`${path} (driving school)`, path, SCHOOL_HIRING_POLICY[path]!] as const),
  ];
  describe.each(cases)("%s", (_name, path, rule) => {
    it.each(CALLERS)("as %s", async (callerName) => {
      const caller = createCaller(contexts.get(callerName)!);
      const input = rule.input(fixture, callerName);
      const outcome = await procedureOf(
        caller,
        path,
      )(input).then(
        () => "ok",
        (e: unknown) => {
          if (!(e instanceof TRPCError)) return `unexpected: ${String(e)}`;
          // The access checks (src/server/auth/guards.ts) refuse with domain errors of their own.
          if (e.cause instanceof AccessDeniedError) return e.code;
          if (e.cause instanceof DomainError) return `${e.code} from the domain`;
          if (e.cause instanceof ZodError) return `${e.code} from validation`;
          return e.code;
        },
      );
      if (rule.allowed.has(callerName)) {
        // An allowed caller must reach the procedure's own logic: the input passes the
        // procedure's parsers, and the answer is a result or a domain error (e.g. NOT_FOUND for
        // an id that does not exist) — not an access refusal, not a service refusing input its
        // own procedure accepted, not a crash.
        expect(inputProblems(path, input)).toEqual([]);
        expect(outcome).toMatch(/^(ok|(BAD_REQUEST|NOT_FOUND|CONFLICT) from the domain)$/);
      } else {
        expect(outcome).toBe(callerName === "guest" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    });
  });
});
