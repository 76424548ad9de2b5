import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resumeInputSchema } from "@/lib/validation/resume";
import { db } from "@/server/db";
import type { SessionUser } from "@/server/services/auth/sessions";
import { addCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";
import { createResume } from "@/server/services/resumes/resumes";

import {
  createBillingProduct,
  createOrganization,
  createUser,
  creditBalance,
  signedIn,
  signedInStaff,
} from "../../test/support/factories";

// The route handlers' side of the access matrix (the procedures' side is
// src/server/api/access-matrix.int.test.ts): every route handler under src/app must have a rule
// here, and each rule is checked for every kind of caller. A new route without a rule fails.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const APP = "http://localhost:3000";
type Caller = "guest" | "seeker" | "otherSeeker" | "owner" | "observer" | "outsider" | "admin";
const CALLERS: Caller[] = ["guest", "seeker", "otherSeeker", "owner", "observer", "outsider", "admin"];

interface Fixture {
  users: Record<Exclude<Caller, "guest">, number>;
  orgId: number;
  resumeId: number;
  resumePublicId: string;
  /** The organisation's invoice (an order by bank transfer) and act (an order paid from the balance). */
  invoiceId: number;
  actId: number;
  /** A verified driving school where the owner is OWNER and the observer OBSERVER. */
  schoolId: number;
}
let f: Fixture;

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
interface Check {
  method: "GET" | "POST" | "DELETE";
  request: (f: Fixture) => { url: string; params: Record<string, string | string[]>; init?: RequestInit };
  /** The status each caller gets; callers not listed get `otherwise`. */
  expect: Partial<Record<Caller, number>> & { otherwise: number };
}
type Rule = { checks: Check[] } | { exempt: string };

const RULES: Record<string, Rule> = {
  "api/auth/[...nextauth]": { exempt: "next-auth's own handler: sign-in, sign-out and CSRF are its business" },
  "api/trpc/[trpc]": { exempt: "every procedure has its rule in src/server/api/access-matrix.int.test.ts" },
  "api/account/export": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/account/export`, params: {} }),
        expect: { guest: 401, otherwise: 200 },
      },
    ],
  },
  "api/resumes/[id]/pdf": {
    checks: [
      {
        // The seeker's own resume, by number.
        method: "GET",
        request: (f) => ({ url: `${APP}/api/resumes/${f.resumeId}/pdf`, params: { id: String(f.resumeId) } }),
        expect: { guest: 401, seeker: 200, otherwise: 404 },
      },
      {
        // An organisation's copy, by public id: only members of the organisation it was sent to.
        method: "GET",
        request: (f) => ({
          url: `${APP}/api/resumes/${f.resumePublicId}/pdf?organizationId=${f.orgId}`,
          params: { id: f.resumePublicId },
        }),
        expect: { guest: 401, owner: 200, observer: 200, otherwise: 404 },
      },
    ],
  },
  "api/billing/invoices/[id]/pdf": {
    checks: [
      {
        // Members of the buying organisation in any role and finance staff; everyone else 404.
        method: "GET",
        request: (f) => ({ url: `${APP}/api/billing/invoices/${f.invoiceId}/pdf`, params: { id: String(f.invoiceId) } }),
        expect: { guest: 401, owner: 200, observer: 200, admin: 200, otherwise: 404 },
      },
    ],
  },
  "api/billing/acts/[id]/pdf": {
    checks: [
      {
        method: "GET",
        request: (f) => ({ url: `${APP}/api/billing/acts/${f.actId}/pdf?lang=kk`, params: { id: String(f.actId) } }),
        expect: { guest: 401, owner: 200, observer: 200, admin: 200, otherwise: 404 },
      },
    ],
  },
  "api/billing/ledger/[orgId]/csv": {
    checks: [
      {
        // The same readers as the ledger: members in any role and finance staff.
        method: "GET",
        request: (f) => ({ url: `${APP}/api/billing/ledger/${f.orgId}/csv`, params: { orgId: String(f.orgId) } }),
        expect: { guest: 401, owner: 200, observer: 200, admin: 200, otherwise: 404 },
      },
    ],
  },
  "api/admin/audit.csv": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/admin/audit.csv?action=staff.role.grant`, params: {} }),
        expect: { guest: 401, admin: 200, otherwise: 403 },
      },
    ],
  },
  "api/admin/metrics.csv": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/admin/metrics.csv?part=activity&from=2026-01-01&to=2026-01-31`, params: {} }),
        expect: { guest: 401, admin: 200, otherwise: 403 },
      },
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/admin/metrics.csv?part=revenue&lang=kk`, params: {} }),
        expect: { guest: 401, admin: 200, otherwise: 403 },
      },
    ],
  },
  "api/admin/finance/esf.csv": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/admin/finance/esf.csv`, params: {} }),
        expect: { guest: 401, admin: 200, otherwise: 403 },
      },
    ],
  },
  "api/organizations/[id]/logo": {
    checks: (["POST", "DELETE"] as const).map((method) => ({
      method,
      request: (f: Fixture) => ({
        url: `${APP}/api/organizations/${f.orgId}/logo`,
        params: { id: String(f.orgId) },
        init: { headers: { Origin: APP } },
      }),
      // The owner passes the checks and reaches the upload itself (no file: 400; nothing to remove: 200).
      expect: { guest: 401, owner: method === "POST" ? 400 : 200, otherwise: 403 },
    })),
  },
  "api/schools/[orgId]/trainees/export": {
    checks: (["csv", "xlsx"] as const).map((format) => ({
      // The registry's readers: every member of the school; anyone else 403, a guest 401.
      method: "GET" as const,
      request: (f: Fixture) => ({
        url: `${APP}/api/schools/${f.schoolId}/trainees/export?format=${format}`,
        params: { orgId: String(f.schoolId) },
      }),
      expect: { guest: 401, owner: 200, observer: 200, otherwise: 403 },
    })),
  },
  "api/schools/[orgId]/trainees/import": {
    checks: [
      {
        // Owners and managers, from the site's own pages: the owner gets the preview of the file.
        method: "POST",
        request: (f) => ({
          url: `${APP}/api/schools/${f.schoolId}/trainees/import?mode=preview`,
          params: { orgId: String(f.schoolId) },
          init: {
            headers: { Origin: APP },
            body: "ФИО;ИИН;Дата рождения;Пол;Категория\r\n" + "Иванов Иван;1;01.01.1990;М;B\r\n",
          },
        }),
        expect: { guest: 401, owner: 200, otherwise: 403 },
      },
      {
        // Without Origin (or from another site) nobody gets in.
        method: "POST",
        request: (f) => ({
          url: `${APP}/api/schools/${f.schoolId}/trainees/import?mode=commit`,
          params: { orgId: String(f.schoolId) },
          init: { body: "ФИО;ИИН\r\n" },
        }),
        expect: { otherwise: 403 },
      },
    ],
  },
  "api/schools/trainee-template": {
    // An empty file with the column names: nothing of any school is in it.
    checks: (["csv", "xlsx"] as const).map((format) => ({
      method: "GET" as const,
      request: () => ({ url: `${APP}/api/schools/trainee-template?format=${format}&lang=kk`, params: {} }),
      expect: { otherwise: 200 },
    })),
  },
  "api/webhooks/[provider]": {
    // No session matters: a provider's signature is the only authority (an unsigned call is 401
    // where the provider is configured, see the route's own tests; here none is: 404).
    checks: [
      {
        method: "POST",
        request: () => ({ url: `${APP}/api/webhooks/paypal`, params: { provider: "paypal" }, init: { body: "{}" } }),
        expect: { otherwise: 404 },
      },
    ],
  },
  "api/viewer": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/api/viewer`, params: {} }), expect: { otherwise: 200 } }],
  },
  "api/cron/billing": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/api/cron/billing`, params: {} }), expect: { otherwise: 503 } }],
  },
  "api/cron/graduate-invitations": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/cron/graduate-invitations`, params: {} }),
        expect: { otherwise: 503 },
      },
    ],
  },
  "api/cron/digest": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/api/cron/digest`, params: {} }), expect: { otherwise: 503 } }],
  },
  "api/cron/retention": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/api/cron/retention`, params: {} }), expect: { otherwise: 503 } }],
  },
  "api/cron/vacancies": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/api/cron/vacancies`, params: {} }), expect: { otherwise: 503 } }],
  },
  "api/cron/resume-search-alerts": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/api/cron/resume-search-alerts`, params: {} }),
        expect: { otherwise: 503 },
      },
    ],
  },
  "api/unsubscribe/resume-search": {
    checks: [
      {
        // As for the digests: the signed token is the only authority; a session changes nothing.
        method: "POST",
        request: () => ({
          url: `${APP}/api/unsubscribe/resume-search?token=forged`,
          params: {},
          init: { body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        }),
        expect: { otherwise: 400 },
      },
    ],
  },
  "api/unsubscribe": {
    checks: [
      {
        // The signed token is the only authority; a session changes nothing.
        method: "POST",
        request: () => ({
          url: `${APP}/api/unsubscribe?token=forged`,
          params: {},
          init: { body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        }),
        expect: { otherwise: 400 },
      },
    ],
  },
  "logos/[file]": {
    checks: [
      {
        method: "GET",
        request: (f) => ({ url: `${APP}/logos/${f.orgId}.svg`, params: { file: `${f.orgId}.svg` } }),
        expect: { otherwise: 200 },
      },
    ],
  },
  "sitemap.xml": {
    checks: [{ method: "GET", request: () => ({ url: `${APP}/sitemap.xml`, params: {} }), expect: { otherwise: 200 } }],
  },
  "sitemaps/[file]": {
    checks: [
      {
        method: "GET",
        request: () => ({ url: `${APP}/sitemaps/nothing.xml`, params: { file: "nothing.xml" } }),
        expect: { otherwise: 404 },
      },
    ],
  },
};

const appDir = fileURLToPath(new URL(".", import.meta.url));
const handlers = import.meta.glob<Record<string, Handler>>("./**/route.ts");
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [relative(appDir, dir)] : [];
  });
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "rm-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({ data: { regionId: region.id, slug: "rm-city", nameRu: "Актобе", nameKk: "Ақтөбе" } });
  const group = await db.specialization.create({ data: { slug: "rm-group", nameRu: "Транспорт", nameKk: "Көлік" } });
  const spec = await db.specialization.create({
    data: { slug: "rm-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: group.id },
  });
  const users = {
    seeker: (await createUser({ isSeeker: true })).id,
    otherSeeker: (await createUser({ isSeeker: true })).id,
    owner: (await createUser({ isSeeker: false })).id,
    observer: (await createUser({ isSeeker: false })).id,
    outsider: (await createUser({ isSeeker: false })).id,
    admin: (await createUser({ isSeeker: false, staffRole: "SUPERADMIN" })).id,
  };
  const orgId = (
    await createOrganization("EMPLOYER", [
      { userId: users.owner, role: "OWNER" },
      { userId: users.observer, role: "OBSERVER" },
    ])
  ).id;
  await createOrganization("EMPLOYER", [{ userId: users.outsider, role: "OWNER" }]);
  const resumeId = (
    await createResume(
      users.seeker,
      resumeInputSchema.parse({
        title: "Водитель",
        desiredSalary: null,
        cityId: city.id,
        relocationRegionIds: [],
        specializationIds: [spec.id],
        employmentTypes: ["FULL_TIME"],
        schedules: ["FULL_DAY"],
        experiences: [],
        educations: [],
        languages: [],
        skills: [],
        licences: [],
        about: null,
        visibility: "HIDDEN",
        hiddenOrganizationIds: [],
      }),
    )
  ).id;
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId: city.id,
      title: "Водитель",
      slug: "voditel",
      description: "<p>Работа.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.application.create({ data: { vacancyId: vacancy.id, seekerId: users.seeker, resumeId } });
  const { publicId } = await db.resume.findUniqueOrThrow({ where: { id: resumeId }, select: { publicId: true } });
  // Two orders of the organisation: one by invoice (its invoice), one from the balance (its act).
  await db.organization.update({ where: { id: orgId }, data: { verification: "VERIFIED", verifiedAt: new Date() } });
  const product = await createBillingProduct({ kind: "VACANCY_PUBLICATION", priceTiyn: 500_000n });
  const owner = { userId: users.owner, ip: "203.0.113.7" };
  const buy = async (method: "INVOICE" | "BALANCE") => {
    await addCartLine({ organizationId: orgId, actor: owner, productCode: product.code, quantity: 1 });
    return (await checkout({ organizationId: orgId, method, actor: owner })).orderId;
  };
  const invoiceOrder = await buy("INVOICE");
  await creditBalance(orgId, 500_000n);
  const actOrder = await buy("BALANCE");
  const invoiceId = (await db.invoice.findUniqueOrThrow({ where: { orderId: invoiceOrder }, select: { id: true } })).id;
  const actId = (await db.act.findUniqueOrThrow({ where: { orderId: actOrder }, select: { id: true } })).id;
  const school = await createOrganization("DRIVING_SCHOOL", [
    { userId: users.owner, role: "OWNER" },
    { userId: users.observer, role: "OBSERVER" },
  ]);
  await db.organization.update({ where: { id: school.id }, data: { verification: "VERIFIED", verifiedAt: new Date() } });
  f = { users, orgId, resumeId, resumePublicId: publicId, invoiceId, actId, schoolId: school.id };
});

beforeEach(() => {
  session.user = null;
});

describe("route handlers' access matrix", () => {
  it("has a rule for every route handler", () => {
    const routes = routeFiles(appDir).sort();
    expect(routes.filter((route) => !(route in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  for (const [route, rule] of Object.entries(RULES)) {
    if ("exempt" in rule) continue;
    for (const check of rule.checks) {
      it(`${check.method} ${route} answers each caller as its rule says`, async () => {
        const load = handlers[`./${route}/route.ts`];
        expect(load, `${route}/route.ts is loadable`).toBeDefined();
        const exports = await load!();
        const handler = exports[check.method];
        expect(handler, `${route} exports ${check.method}`).toBeTypeOf("function");
        const got: Partial<Record<Caller, number>> = {};
        const want: Partial<Record<Caller, number>> = {};
        for (const caller of CALLERS) {
          session.user =
            caller === "guest"
              ? null
              : caller === "admin"
                ? await signedInStaff(f.users[caller])
                : await signedIn(f.users[caller]);
          const { url, params, init } = check.request(f);
          const response = await handler!(new Request(url, { method: check.method, ...init }), {
            params: Promise.resolve(params),
          });
          await response.body?.cancel();
          got[caller] = response.status;
          want[caller] = check.expect[caller] ?? check.expect.otherwise;
        }
        expect(got).toEqual(want);
      });
    }
  }
});
