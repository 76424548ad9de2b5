import { crc32 } from "node:zlib";

import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { authorizeLogoChange, LOGO_MAX_PIXELS, processLogo, removeOrganizationLogo, saveOrganizationLogo } from "./logo";

const solid = (width: number, height: number, channels: 3 | 4 = 4) =>
  sharp({ create: { width, height, channels, background: { r: 20, g: 120, b: 200, alpha: 0.6 } } });

let ownerId: number;
let organizationId: number;

beforeEach(async () => {
  ownerId = (await createUser()).id;
  organizationId = (await createOrganization("EMPLOYER", [{ userId: ownerId, role: "OWNER" }])).id;
});

async function expectLogoError(promise: Promise<unknown>, key: string) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: "VALIDATION", messageKey: `errors.logo.${key}`, options: { field: "logo" } });
}

async function logoState(id: number) {
  const org = await db.organization.findUniqueOrThrow({ where: { id }, select: { logoPath: true, logoVersion: true } });
  const logo = await db.organizationLogo.findUnique({ where: { organizationId: id } });
  const audits = await db.auditLog.count({ where: { entityType: "organization", entityId: String(id) } });
  return {
    logoPath: org.logoPath,
    logoVersion: org.logoVersion,
    content: logo ? Buffer.from(logo.content).toString("base64") : null,
    audits,
  };
}

describe("processLogo", () => {
  it("keeps a small JPEG at its size", async () => {
    const input = await solid(100, 100, 3).jpeg().toBuffer();
    const logo = await processLogo(input);
    expect(logo).toMatchObject({ contentType: "image/webp", width: 100, height: 100 });
    expect(await sharp(logo.content).metadata()).toMatchObject({ format: "webp", width: 100, height: 100 });
  });

  it("turns an image upright by its EXIF orientation and drops the metadata", async () => {
    // 300×100 stored sideways (orientation 6: rotate 90° clockwise to display).
    const input = await solid(300, 100, 3).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await sharp(input).metadata()).toMatchObject({ width: 300, height: 100, orientation: 6 });
    const logo = await processLogo(input);
    expect(logo).toMatchObject({ width: 85, height: 256 });
    const meta = await sharp(logo.content).metadata();
    expect(meta).toMatchObject({ width: 85, height: 256 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it("keeps transparency", async () => {
    const logo = await processLogo(await solid(400, 400).png().toBuffer());
    const meta = await sharp(logo.content).metadata();
    expect(meta.hasAlpha).toBe(true);
    expect(logo).toMatchObject({ width: 256, height: 256 });
  });

  it("accepts WebP and the first frame of a GIF", async () => {
    expect(await processLogo(await solid(300, 150).webp().toBuffer())).toMatchObject({ width: 256, height: 128 });
    expect(await processLogo(await solid(64, 32).gif().toBuffer())).toMatchObject({ width: 64, height: 32 });
    // An animation of a red and a blue frame becomes a still of the red one.
    const frame = (background: string) =>
      sharp({ create: { width: 40, height: 30, channels: 4, background } })
        .png()
        .toBuffer();
    const animated = await sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const logo = await processLogo(animated);
    expect(logo).toMatchObject({ width: 40, height: 30 });
    expect((await sharp(logo.content).metadata()).pages).toBeUndefined();
    const [red = 0, , blue = 255] = await sharp(logo.content).raw().toBuffer();
    expect(red).toBeGreaterThan(200);
    expect(blue).toBeLessThan(50);
  });

  it("refuses what is not a JPEG, PNG, WebP or GIF", async () => {
    await expectLogoError(processLogo(Buffer.from("просто текст, не картинка")), "notImage");
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script></svg>';
    await expectLogoError(processLogo(Buffer.from(svg)), "notImage");
    await expectLogoError(processLogo(await solid(64, 64).tiff().toBuffer()), "notImage");
    await expectLogoError(processLogo(Buffer.alloc(0)), "notImage");
  });

  it("refuses truncated files", async () => {
    const png = await solid(600, 600).png().toBuffer();
    await expectLogoError(processLogo(png.subarray(0, png.length - 40)), "notImage");
    const jpeg = await solid(600, 600, 3).jpeg().toBuffer();
    await expectLogoError(processLogo(jpeg.subarray(0, Math.floor(jpeg.length / 2))), "notImage");
  });

  it("refuses files over 5 MB before decoding them", async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    (await solid(10, 10).png().toBuffer()).copy(big);
    await expectLogoError(processLogo(big), "tooLarge");
  });

  it("refuses images with more pixels than the limit, however small the file", async () => {
    const input = await sharp({ create: { width: 9000, height: 9000, channels: 3, background: "#ffffff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(9000 * 9000).toBeGreaterThan(LOGO_MAX_PIXELS);
    expect(input.length).toBeLessThan(5 * 1024 * 1024);
    await expectLogoError(processLogo(input), "tooManyPixels");
  });

  it("refuses a PNG whose header declares a huge image without decoding it", async () => {
    // A real 1×1 PNG whose header is rewritten to claim 20000×20000 (with a valid checksum).
    const png = Buffer.from(await solid(1, 1).png().toBuffer());
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    await expectLogoError(processLogo(png), "tooManyPixels");
  });
});

describe("saveOrganizationLogo", () => {
  it("stores a wide PNG as a 256×128 WebP, sets the logo URL and writes the audit log", async () => {
    const input = await solid(1200, 600).png().toBuffer();
    const { logoPath } = await saveOrganizationLogo(organizationId, ownerId, input, "10.0.0.7");

    const stored = await db.organizationLogo.findUniqueOrThrow({ where: { organizationId } });
    expect(stored).toMatchObject({ contentType: "image/webp", width: 256, height: 128 });
    expect(await sharp(Buffer.from(stored.content)).metadata()).toMatchObject({ format: "webp", width: 256, height: 128 });

    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(logoPath).toBe(`/logos/${organizationId}-${org.logoVersion}.webp`);
    expect(org.logoPath).toBe(logoPath);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "organization.logo.update", entityId: String(organizationId) },
    });
    expect(audit).toMatchObject({ actorId: ownerId, entityType: "organization", ip: "10.0.0.7" });
  });

  it("replaces the previous logo under the next version's URL", async () => {
    const { logoVersion } = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    const first = await saveOrganizationLogo(organizationId, ownerId, await solid(300, 300).png().toBuffer());
    const second = await saveOrganizationLogo(organizationId, ownerId, await solid(50, 20, 3).jpeg().toBuffer());
    expect([first.logoPath, second.logoPath]).toEqual([
      `/logos/${organizationId}-${logoVersion + 1}.webp`,
      `/logos/${organizationId}-${logoVersion + 2}.webp`,
    ]);
    expect(await db.organizationLogo.count({ where: { organizationId } })).toBe(1);
    expect(await db.organizationLogo.findUniqueOrThrow({ where: { organizationId } })).toMatchObject({
      width: 50,
      height: 20,
    });
  });

  it("gives simultaneous uploads different URLs, the last one stored", async () => {
    const inputs = await Promise.all([solid(40, 40, 3).png().toBuffer(), solid(60, 30, 4).png().toBuffer()]);
    const results = await Promise.all(inputs.map((input) => saveOrganizationLogo(organizationId, ownerId, input)));
    expect(new Set(results.map((r) => r.logoPath)).size).toBe(2);
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(results.map((r) => r.logoPath)).toContain(org.logoPath);
    expect(org.logoPath).toBe(`/logos/${organizationId}-${org.logoVersion}.webp`);
  });

  it("never reuses a URL after the logo was removed", async () => {
    const before = await saveOrganizationLogo(organizationId, ownerId, await solid(80, 80, 3).png().toBuffer());
    await removeOrganizationLogo(organizationId, ownerId);
    const after = await saveOrganizationLogo(organizationId, ownerId, await solid(80, 80, 4).png().toBuffer());
    expect(after.logoPath).not.toBe(before.logoPath);
  });

  it("changes nothing when the file is refused", async () => {
    await saveOrganizationLogo(organizationId, ownerId, await solid(200, 200).png().toBuffer());
    const before = await logoState(organizationId);
    const bad: [Buffer, string][] = [
      [Buffer.from("not a picture"), "notImage"],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "notImage"],
      [Buffer.alloc(6 * 1024 * 1024, 1), "tooLarge"],
      [
        await sharp({ create: { width: 9000, height: 9000, channels: 3, background: "#000" } })
          .png()
          .toBuffer(),
        "tooManyPixels",
      ],
    ];
    for (const [input, key] of bad) {
      await expectLogoError(saveOrganizationLogo(organizationId, ownerId, input), key);
      expect(await logoState(organizationId)).toEqual(before);
    }
  });

  it("leaves an organisation without a logo untouched when the file is refused", async () => {
    await expectLogoError(saveOrganizationLogo(organizationId, ownerId, Buffer.from("GIF89a broken")), "notImage");
    expect(await logoState(organizationId)).toEqual({ logoPath: null, logoVersion: 0, content: null, audits: 0 });
  });
});

describe("removeOrganizationLogo", () => {
  it("deletes the stored image, clears the logo URL and writes the audit log", async () => {
    await saveOrganizationLogo(organizationId, ownerId, await solid(200, 200).png().toBuffer());
    expect(await removeOrganizationLogo(organizationId, ownerId, "10.0.0.8")).toEqual({ logoPath: null });
    expect(await db.organizationLogo.findUnique({ where: { organizationId } })).toBeNull();
    expect((await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).logoPath).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "organization.logo.remove", entityId: String(organizationId) },
    });
    expect(audit).toMatchObject({ actorId: ownerId, entityType: "organization", ip: "10.0.0.8" });
  });

  it("is harmless when there is no logo", async () => {
    await expect(removeOrganizationLogo(organizationId, ownerId)).resolves.toEqual({ logoPath: null });
  });
});

describe("authorizeLogoChange", () => {
  async function outcome(userId: number | null, orgId = organizationId) {
    return authorizeLogoChange(userId, orgId).then(
      (result) => ({ allowed: true, organizationId: result.organization.id }),
      (e: unknown) => (e instanceof DomainError ? e.code : e),
    );
  }

  it("lets only the organisation's owner change its logo", async () => {
    const member = async (role: "MANAGER" | "OBSERVER" | "INSTRUCTOR") => {
      const user = await createUser();
      await db.membership.create({ data: { userId: user.id, organizationId, role } });
      return user.id;
    };
    const stranger = (await createUser()).id;
    const otherOwner = (await createUser()).id;
    await createOrganization("EMPLOYER", [{ userId: otherOwner, role: "OWNER" }]);

    expect(await outcome(ownerId)).toEqual({ allowed: true, organizationId });
    expect(await outcome(null)).toBe("UNAUTHORIZED");
    expect(await outcome(stranger)).toBe("FORBIDDEN");
    expect(await outcome(await member("MANAGER"))).toBe("FORBIDDEN");
    expect(await outcome(await member("OBSERVER"))).toBe("FORBIDDEN");
    expect(await outcome(await member("INSTRUCTOR"))).toBe("FORBIDDEN");
    expect(await outcome(otherOwner)).toBe("FORBIDDEN");
    // An unknown organisation answers the same as someone else's.
    expect(await outcome(ownerId, 999_999_999)).toBe("FORBIDDEN");
  });
});
