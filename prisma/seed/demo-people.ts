import type { DbTx } from "@/server/db-client";

import { DEMO_EMAILS, DEMO_SEEKER } from "./demo-accounts";
import { requiredId, type ReferenceIds } from "./demo-reference";
import { ORGANIZATIONS, type OrganizationSeed } from "./data/organizations";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SeededOrganization {
  id: number;
  seed: OrganizationSeed;
  cityId: number;
  ownerId: number;
}

export interface SeededPeople {
  organizations: SeededOrganization[];
  userIdByEmail: Map<string, number>;
}

interface UserRow {
  email: string;
  name: string;
  phone?: string;
  isSeeker?: boolean;
  staffRole?: "SUPERADMIN";
  cityId?: number;
  passwordHash?: string;
}

/** The first organisation of a type belongs to the demo account of that side. */
function demoOwnerEmail(org: OrganizationSeed): string | undefined {
  if (org === ORGANIZATIONS.find((o) => o.type === "EMPLOYER")) return DEMO_EMAILS.employer;
  if (org === ORGANIZATIONS.find((o) => o.type === "DRIVING_SCHOOL")) return DEMO_EMAILS.school;
  return undefined;
}

const ownerEmail = (org: OrganizationSeed) => demoOwnerEmail(org) ?? `${org.slug}@demo.jumys.kz`;

export async function insertPeople(tx: DbTx, ref: ReferenceIds, now: Date, passwordHash: string): Promise<SeededPeople> {
  const cityId = (slug: string) => requiredId(ref.cityIdBySlug, slug, "city");
  const joinedAt = new Date(now.getTime() - 60 * DAY_MS);

  const users: UserRow[] = [
    { email: DEMO_EMAILS.admin, name: "Администратор Jumys", staffRole: "SUPERADMIN", cityId: cityId("astana"), passwordHash },
    {
      email: DEMO_EMAILS.seeker,
      name: DEMO_SEEKER.name,
      phone: DEMO_SEEKER.phone,
      isSeeker: true,
      cityId: cityId(DEMO_SEEKER.citySlug),
      passwordHash,
    },
    ...ORGANIZATIONS.map((org) => ({
      email: ownerEmail(org),
      name: org.contactName,
      phone: org.phone,
      cityId: cityId(org.citySlug),
      // Only the demo owners can sign in with a password; the others exist to own their organisations.
      passwordHash: demoOwnerEmail(org) ? passwordHash : undefined,
    })),
  ];

  const created = await tx.user.createManyAndReturn({
    data: users.map(({ passwordHash: _hash, ...u }) => ({
      ...u,
      locale: "ru" as const,
      emailVerifiedAt: joinedAt,
      adultDeclaredAt: joinedAt,
      lastActiveAt: now,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    })),
    select: { id: true, email: true },
  });
  const userIdByEmail = new Map(created.map((u) => [u.email, u.id]));
  const userId = (email: string) => requiredId(userIdByEmail, email, "user");

  await tx.credential.createMany({
    data: users.flatMap((u) =>
      u.passwordHash ? [{ userId: userId(u.email), passwordHash: u.passwordHash, updatedAt: joinedAt }] : [],
    ),
  });
  await tx.legalAcceptance.createMany({
    data: created.flatMap((u) =>
      [ref.termsId, ref.privacyId].map((documentId) => ({ userId: u.id, documentId, acceptedAt: joinedAt, ip: "127.0.0.1" })),
    ),
  });
  await tx.consent.createMany({
    data: created.map((u) => ({
      userId: u.id,
      purpose: "PROCESSING" as const,
      granted: true,
      documentId: ref.privacyId,
      ip: "127.0.0.1",
      createdAt: joinedAt,
    })),
  });

  const adminId = userId(DEMO_EMAILS.admin);
  const orgRows = await tx.organization.createManyAndReturn({
    data: ORGANIZATIONS.map((org) => ({
      type: org.type,
      legalName: org.legalName,
      displayName: org.displayName,
      slug: org.slug,
      bin: org.bin ?? null,
      iin: org.iin ?? null,
      description: org.description,
      website: org.website,
      email: org.email,
      phone: org.phone,
      cityId: cityId(org.citySlug),
      address: org.address,
      verification: org.verification,
      verifiedAt: org.verification === "VERIFIED" ? new Date(joinedAt.getTime() + DAY_MS) : null,
      verifiedById: org.verification === "VERIFIED" ? adminId : null,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    })),
    select: { id: true, slug: true },
  });
  const orgIdBySlug = new Map(orgRows.map((o) => [o.slug, o.id]));
  const organizations = ORGANIZATIONS.map((seed) => ({
    id: requiredId(orgIdBySlug, seed.slug, "organization"),
    seed,
    cityId: cityId(seed.citySlug),
    ownerId: userId(ownerEmail(seed)),
  }));
  await tx.membership.createMany({
    data: organizations.map((o) => ({ userId: o.ownerId, organizationId: o.id, role: "OWNER" as const, createdAt: joinedAt })),
  });

  await insertSeekerResume(tx, ref, userId(DEMO_EMAILS.seeker), joinedAt);
  return { organizations, userIdByEmail };
}

async function insertSeekerResume(tx: DbTx, ref: ReferenceIds, userId: number, createdAt: Date): Promise<void> {
  const r = DEMO_SEEKER.resume;
  await tx.resume.create({
    data: {
      userId,
      title: r.title,
      desiredSalary: r.desiredSalary,
      cityId: requiredId(ref.cityIdBySlug, DEMO_SEEKER.citySlug, "city"),
      employmentTypes: ["FULL_TIME"],
      schedules: ["FULL_DAY", "SHIFT"],
      skills: [...r.skills],
      about: r.about,
      visibility: "ALL",
      createdAt,
      updatedAt: createdAt,
      specializations: {
        create: r.specializations.map((slug) => ({
          specializationId: requiredId(ref.specializationIdBySlug, slug, "specialization"),
        })),
      },
      relocationRegions: {
        create: r.relocationRegions.map((slug) => ({ regionId: requiredId(ref.regionIdBySlug, slug, "region") })),
      },
      licences: { create: r.licences.map((l) => ({ ...l })) },
      experiences: {
        create: r.experiences.map((e, i) => ({
          company: e.company,
          position: e.position,
          startedOn: new Date(`${e.startedOn}T00:00:00Z`),
          endedOn: e.endedOn ? new Date(`${e.endedOn}T00:00:00Z`) : null,
          description: e.description,
          sortOrder: i,
        })),
      },
      educations: { create: [{ ...r.education }] },
      languages: { create: r.languages.map((l) => ({ ...l })) },
    },
  });
}
