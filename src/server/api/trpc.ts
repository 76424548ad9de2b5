import { TRPCError, initTRPC } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError, z } from "zod";

import { Prisma } from "@/generated/prisma/client";
import type { OrgRole, OrgType, StaffRole } from "@/generated/prisma/enums";
import { isLocale, type AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import type { Actor, UserActor } from "@/server/audit";
import {
  ALL_ORG_TYPES,
  EMPLOYER_ORG_TYPES,
  HIRING_RULE,
  requireMembership,
  requireSecondFactor,
  requireStaffRole,
  SCHOOL_ORG_TYPES,
} from "@/server/auth/guards";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/server/db-unavailable";
import { DomainError, type DomainErrorCode } from "@/server/errors";
import type { SessionUser } from "@/server/services/auth/sessions";

export interface TRPCContext {
  user: SessionUser | null;
  /** Who acts, for services and the audit log. */
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  locale: AppLocale;
}

/** The one context factory; the HTTP handler and the server-side caller both go through it. */
export function createContext(input: {
  user: SessionUser | null;
  ip?: string | null;
  userAgent?: string | null;
  locale?: string | null;
}): TRPCContext {
  return {
    user: input.user,
    actor: { userId: input.user?.id ?? null, ip: input.ip ?? null },
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    locale: isLocale(input.locale) ? input.locale : (input.user?.locale ?? "ru"),
  };
}

const DOMAIN_TO_TRPC: Record<DomainErrorCode, TRPCError["code"]> = {
  VALIDATION: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const TRPC_DEFAULT_KEYS: Partial<Record<TRPCError["code"], string>> = {
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  BAD_REQUEST: "errors.invalidInput",
  TOO_MANY_REQUESTS: "errors.rateLimited",
  INTERNAL_SERVER_ERROR: "errors.internal",
};

function zodCause(error: TRPCError): ZodError | null {
  if (error.cause instanceof ZodError) return error.cause;
  return null;
}

/**
 * A database outage, wherever it surfaced (a procedure, or the context's session lookup before
 * any procedure ran), answers 503 with the translated "try again" message.
 */
function isOutage(error: TRPCError): boolean {
  return error.code === "SERVICE_UNAVAILABLE" ? isDatabaseUnavailable(error.cause) : isDatabaseUnavailable(error);
}

/**
 * For the HTTP handler's `responseMeta`: a Retry-After header when a call failed because the
 * database is unavailable (the status, 503, comes from the error shape).
 */
export function responseMeta({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
  return errors.some(isOutage) ? { headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } } : {};
}

export interface TRPCMeta {
  /**
   * Allowed while the caller has a new version of the terms to accept (accepting it): every other
   * mutation of a signed-in caller is refused until then.
   */
  beforeLegalAcceptance?: boolean;
}

const t = initTRPC
  .context<TRPCContext>()
  .meta<TRPCMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const { t: translate, has } = dynamicTranslator(ctx?.locale ?? "ru");
      const t = Object.assign(translate, { has });
      if (isOutage(error)) {
        return {
          ...shape,
          code: TRPC_ERROR_CODES_BY_KEY.SERVICE_UNAVAILABLE,
          message: t("errors.databaseUnavailable"),
          data: {
            code: "SERVICE_UNAVAILABLE" as const,
            httpStatus: 503,
            messageKey: "errors.databaseUnavailable",
            fieldErrors: null,
            retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
          },
        };
      }
      const domain = error.cause instanceof DomainError ? error.cause : null;
      const zod = zodCause(error);
      const ownKey = error.message.startsWith("errors.") && t.has(error.message) ? error.message : undefined;
      const messageKey = domain?.messageKey ?? (zod ? "errors.invalidInput" : (ownKey ?? TRPC_DEFAULT_KEYS[error.code]));
      // Field messages are catalogue keys too; translate them for forms that render them directly.
      const fieldErrors = zod
        ? Object.fromEntries(
            Object.entries(z.flattenError(zod).fieldErrors as Record<string, string[] | undefined>).map(([field, keys]) => [
              field,
              (keys ?? []).map((k) => (t.has(k) ? t(k) : t("errors.invalidInput"))),
            ]),
          )
        : domain?.options.field
          ? { [domain.options.field]: [t(domain.messageKey)] }
          : undefined;
      return {
        ...shape,
        message:
          messageKey && t.has(messageKey)
            ? t(messageKey)
            : error.code === "INTERNAL_SERVER_ERROR"
              ? t("errors.internal")
              : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          messageKey: messageKey ?? null,
          fieldErrors: fieldErrors ?? null,
          retryAfterSeconds: domain?.options.retryAfterSeconds ?? null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors and validation errors thrown by services become transport errors here, once. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.messageKey, cause });
    }
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "errors.invalidInput", cause });
    }
    if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2025") {
      throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound", cause });
    }
    if (isDatabaseUnavailable(cause)) {
      throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "errors.databaseUnavailable", cause });
    }
  }
  return result;
});

/**
 * Someone signed in who has a new version of the terms or the privacy policy to accept changes
 * nothing until they accept it (pages send them to the acceptance page; see requireUser).
 */
const legalGate = t.middleware(({ ctx, meta, type, next }) => {
  if (type === "mutation" && ctx.user?.legalPending && !meta?.beforeLegalAcceptance)
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.legal.acceptanceRequired" });
  return next();
});

/** Guest: anyone. */
export const publicProcedure = t.procedure.use(errorMapping).use(legalGate);

/** Signed in (a live, unrevoked session). */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED" });
  const actor: UserActor = { userId: ctx.user.id, ip: ctx.ip };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

/** A seeker account. */
export const seekerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isSeeker) throw new TRPCError({ code: "FORBIDDEN" });
  return next();
});

export { EMPLOYER_ORG_TYPES, SCHOOL_ORG_TYPES };

export const organizationInput = z.object({ organizationId: z.number().int().positive() });

export interface OrganizationProcedureOptions {
  /** A mutation that a blocked organisation's members may still make (its appeal, leaving it). */
  whileBlocked?: boolean;
}

/**
 * A member of the organisation named in the input, with at least `minRole`, in an organisation
 * of one of `types`. Membership is read from the database on every call. A blocked organisation
 * is read-only: every mutation is refused with the translated reason unless marked `whileBlocked`.
 */
function organizationProcedure(
  types: readonly OrgType[],
  minRole: OrgRole,
  options: OrganizationProcedureOptions = {},
  excludeRoles?: readonly OrgRole[],
) {
  return protectedProcedure.input(organizationInput).use(async ({ ctx, input, type, next }) => {
    const write = type === "mutation" && !options.whileBlocked;
    const membership = await requireMembership(ctx.user.id, input.organizationId, { types, minRole, write, excludeRoles });
    return next({ ctx: { ...ctx, membership } });
  });
}

export const employerProcedure = (minRole: OrgRole, options?: OrganizationProcedureOptions) =>
  organizationProcedure(EMPLOYER_ORG_TYPES, minRole, options);
export const schoolProcedure = (minRole: OrgRole, options?: OrganizationProcedureOptions) =>
  organizationProcedure(SCHOOL_ORG_TYPES, minRole, options);
/**
 * A member of an organisation that hires (employers and driving schools alike, see HIRING_RULE):
 * vacancies, the applicant inbox and resumes. A school's instructors are not part of it.
 */
export const hiringProcedure = (minRole: OrgRole, options?: OrganizationProcedureOptions) =>
  organizationProcedure(HIRING_RULE.types, minRole, options, HIRING_RULE.excludeRoles);
/** A member of an organisation of any type: what every organisation's dashboard shares (billing). */
export const anyOrganizationProcedure = (minRole: OrgRole, options?: OrganizationProcedureOptions) =>
  organizationProcedure(ALL_ORG_TYPES, minRole, options);

/**
 * Any platform staff member, before the second factor: only the procedures that enrol and check
 * that factor use this.
 */
export const staffProcedure = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, staffRole: requireStaffRole(ctx.user, ["MODERATOR", "SUPPORT", "FINANCE"]) } }),
);

/** Platform staff with one of the roles, in a session that passed the second factor; SUPERADMIN may do everything. */
export const adminProcedure = (roles: StaffRole[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    const staffRole = requireStaffRole(ctx.user, roles);
    requireSecondFactor(ctx.user);
    return next({ ctx: { ...ctx, staffRole } });
  });
