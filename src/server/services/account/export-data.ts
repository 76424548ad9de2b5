import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/**
 * Everything held about one person, as a JSON-ready object (SPEC §3 "Export my data"). Only their
 * own data: employers' internal notes, other members of their organisations, other people's
 * addresses and every secret (password hash, token hashes, session ids) are left out.
 */
export async function exportAccountData(userId: number, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      locale: true,
      isSeeker: true,
      staffRole: true,
      emailVerifiedAt: true,
      adultDeclaredAt: true,
      city: { select: { nameRu: true, nameKk: true } },
      blockedAt: true,
      blockReason: true,
      lastActiveAt: true,
      notifyApplicationUpdates: true,
      notifyDigests: true,
      createdAt: true,
      updatedAt: true,
      credential: { select: { updatedAt: true } },
    },
  });
  if (!user) throw new DomainError("NOT_FOUND", "errors.notFound");
  const { credential, ...profile } = user;

  const [
    consents,
    legalAcceptances,
    sessions,
    pendingEmailChange,
    resumes,
    applications,
    savedVacancies,
    subscriptions,
    digestDeliveries,
    emails,
    tickets,
    memberships,
    invitations,
    securityLog,
  ] = await Promise.all([
    db.consent.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { purpose: true, granted: true, ip: true, createdAt: true, document: { select: { kind: true, version: true } } },
    }),
    db.legalAcceptance.findMany({
      where: { userId },
      orderBy: { acceptedAt: "asc" },
      select: { acceptedAt: true, ip: true, userAgent: true, document: { select: { kind: true, version: true } } },
    }),
    db.session.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        revokeReason: true,
        ip: true,
        userAgent: true,
      },
    }),
    db.emailToken.findFirst({
      where: { userId, purpose: "CHANGE_EMAIL", usedAt: null, expiresAt: { gt: now } },
      select: { email: true, createdAt: true, expiresAt: true },
    }),
    db.resume.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        desiredSalary: true,
        city: { select: { nameRu: true, nameKk: true } },
        employmentTypes: true,
        schedules: true,
        skills: true,
        about: true,
        visibility: true,
        createdAt: true,
        updatedAt: true,
        specializations: { select: { specialization: { select: { nameRu: true, nameKk: true } } } },
        relocationRegions: { select: { region: { select: { nameRu: true, nameKk: true } } } },
        experiences: {
          orderBy: { sortOrder: "asc" },
          select: { company: true, position: true, startedOn: true, endedOn: true, description: true },
        },
        educations: { select: { level: true, institution: true, speciality: true, graduationYear: true } },
        languages: { select: { language: true, level: true } },
        licences: { select: { category: true, yearObtained: true } },
        hiddenFrom: { select: { organization: { select: { displayName: true } } } },
      },
    }),
    db.application.findMany({
      where: { seekerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        resumeId: true,
        message: true,
        status: true,
        deliveryFailed: true,
        createdAt: true,
        viewedAt: true,
        respondedAt: true,
        vacancy: {
          select: { id: true, title: true, publicationType: true, organization: { select: { displayName: true } } },
        },
        // The organisation's internal notes are its own working data, not the seeker's.
        messages: {
          where: { isInternal: false },
          orderBy: { createdAt: "asc" },
          select: { body: true, createdAt: true, authorId: true },
        },
      },
    }),
    db.savedVacancy.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, vacancy: { select: { id: true, title: true } } },
    }),
    db.subscription.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      select: {
        name: true,
        criteria: true,
        frequency: true,
        pausedAt: true,
        lastDigestAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.digestDelivery.findMany({
      where: { userId },
      orderBy: { periodDate: "asc" },
      select: { periodDate: true, status: true, vacancyCount: true, finishedAt: true },
    }),
    db.emailMessage.findMany({
      where: { OR: [{ userId }, { toAddress: { equals: user.email, mode: "insensitive" } }] },
      orderBy: { createdAt: "asc" },
      select: { toAddress: true, subject: true, template: true, status: true, createdAt: true, sentAt: true },
    }),
    db.ticket.findMany({
      where: { OR: [{ authorId: userId }, { authorEmail: { equals: user.email, mode: "insensitive" } }] },
      orderBy: { createdAt: "asc" },
      select: {
        kind: true,
        status: true,
        reason: true,
        vacancyId: true,
        authorName: true,
        authorEmail: true,
        message: true,
        answer: true,
        answeredAt: true,
        createdAt: true,
      },
    }),
    db.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { role: true, createdAt: true, organization: { select: { id: true, displayName: true, type: true } } },
    }),
    db.organizationInvitation.findMany({
      where: { email: { equals: user.email, mode: "insensitive" } },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        expiresAt: true,
        acceptedAt: true,
        revokedAt: true,
        organization: { select: { displayName: true } },
      },
    }),
    // The person's own security events; their `data` may describe other people (e.g. someone they
    // invited), so only what happened, when and from where is exported.
    db.auditLog.findMany({
      where: { OR: [{ actorId: userId }, { entityType: "user", entityId: String(userId) }] },
      orderBy: { createdAt: "asc" },
      select: { action: true, entityType: true, createdAt: true, ip: true, actorId: true },
    }),
  ]);

  return {
    exportedAt: now.toISOString(),
    profile: { ...profile, passwordSet: credential !== null, passwordChangedAt: credential?.updatedAt ?? null },
    pendingEmailChange,
    consents: consents.map(({ document, ...c }) => ({
      ...c,
      document: document ? `${document.kind} v${document.version}` : null,
    })),
    legalAcceptances: legalAcceptances.map(({ document, ...a }) => ({ ...a, document: `${document.kind} v${document.version}` })),
    sessions,
    resumes: resumes.map((r) => ({
      ...r,
      specializations: r.specializations.map((s) => s.specialization),
      relocationRegions: r.relocationRegions.map((s) => s.region),
      hiddenFrom: r.hiddenFrom.map((h) => h.organization.displayName),
    })),
    applications: applications.map((a) => ({
      ...a,
      vacancy: {
        id: a.vacancy.id,
        title: a.vacancy.title,
        organization: a.vacancy.publicationType === "ANONYMOUS" ? null : a.vacancy.organization.displayName,
      },
      messages: a.messages.map((m) => ({
        body: m.body,
        createdAt: m.createdAt,
        from: m.authorId === userId ? "me" : "employer",
      })),
    })),
    savedVacancies: savedVacancies.map((s) => ({ savedAt: s.createdAt, vacancyId: s.vacancy.id, title: s.vacancy.title })),
    subscriptions,
    digestDeliveries,
    emails,
    tickets,
    memberships: memberships.map((m) => ({
      organizationId: m.organization.id,
      organization: m.organization.displayName,
      type: m.organization.type,
      role: m.role,
      since: m.createdAt,
    })),
    invitations: invitations.map(({ organization, ...i }) => ({ ...i, organization: organization.displayName })),
    securityLog: securityLog.map(({ actorId, ...e }) => ({ ...e, byMe: actorId === userId })),
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;
