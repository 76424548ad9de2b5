import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { saveOrganizationLogo } from "@/server/services/organizations/logo";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { GET } from "./route";

const get = (file: string) => GET(new Request(`http://localhost:3000/logos/${file}`), { params: Promise.resolve({ file }) });

let organizationId: number;
let logoPath: string;

beforeEach(async () => {
  const owner = await createUser();
  organizationId = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  const png = await sharp({ create: { width: 512, height: 512, channels: 4, background: "#4338ca" } })
    .png()
    .toBuffer();
  ({ logoPath } = await saveOrganizationLogo(organizationId, owner.id, png));
});

const fileOf = (path: string) => path.replace(/^\/logos\//, "");

describe("GET /logos/{id}-{version}.webp", () => {
  it("serves the stored bytes, cacheable for good", async () => {
    const response = await get(fileOf(logoPath));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = await db.organizationLogo.findUniqueOrThrow({ where: { organizationId } });
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(Buffer.from(stored.content))).toBe(true);
    expect(await sharp(body).metadata()).toMatchObject({ format: "webp", width: 256, height: 256 });
  });

  it("sends an older version to the current one, and answers 404 for other file names", async () => {
    const old = await get(`${organizationId}-0.webp`);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(logoPath);
    expect((await get(fileOf(logoPath).replace(".webp", "0.webp"))).status).toBe(302);
    expect((await get(fileOf(logoPath).replace(".webp", ".png"))).status).toBe(404);
  });

  it("answers 404 for a blocked organisation", async () => {
    await db.organization.update({ where: { id: organizationId }, data: { blockedAt: new Date() } });
    expect((await get(fileOf(logoPath))).status).toBe(404);
  });

  it("answers 404 once the logo is gone, and for organisations that never had one", async () => {
    const other = await createOrganization("EMPLOYER");
    expect((await get(`${other.id}-abc.webp`)).status).toBe(404);
    await db.organizationLogo.delete({ where: { organizationId } });
    expect((await get(fileOf(logoPath))).status).toBe(404);
    expect((await get("999999999-abc.webp")).status).toBe(404);
  });
});

describe("GET /logos/{id}.svg", () => {
  it("redirects to the uploaded logo", async () => {
    const response = await get(`${organizationId}.svg`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`http://localhost:3000${logoPath}`);
  });

  it("draws a monogram when there is no upload", async () => {
    const other = await createOrganization("EMPLOYER");
    const response = await get(`${other.id}.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
  });
});
