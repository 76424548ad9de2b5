import sharp from "sharp";

import type { OrgType } from "@/generated/prisma/enums";
import { ALL_ORG_TYPES, requireMembership } from "@/server/auth/guards";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

/** The largest upload accepted, checked before anything is decoded. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/** Decoding stops above this many pixels (a small file can declare a huge image). */
export const LOGO_MAX_PIXELS = 40_000_000;
/** The stored logo fits inside this square; smaller images are kept as they are. */
export const LOGO_MAX_SIDE = 256;

const LOGO_CONTENT_TYPE = "image/webp";
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "gif"]);

export interface ProcessedLogo {
  content: Buffer;
  contentType: typeof LOGO_CONTENT_TYPE;
  width: number;
  height: number;
}

const logoError = (key: "tooLarge" | "notImage" | "tooManyPixels") =>
  new DomainError("VALIDATION", `errors.logo.${key}`, { field: "logo" });

/**
 * The format named by the file's first bytes, among those accepted. Anything else (SVG, text,
 * HEIC, TIFF, PDF...) is refused before an image library parses it.
 */
function sniffFormat(input: Buffer): string | null {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return "jpeg";
  if (input.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  const head = input.subarray(0, 6).toString("latin1");
  if (head === "GIF87a" || head === "GIF89a") return "gif";
  if (input.subarray(0, 4).toString("latin1") === "RIFF" && input.subarray(8, 12).toString("latin1") === "WEBP") {
    return "webp";
  }
  return null;
}

const isPixelLimitError = (error: unknown) => error instanceof Error && /pixel limit/i.test(error.message);

/**
 * Validates an uploaded logo and turns it into what is stored and served: a WebP of at most
 * 256×256 (never enlarged), turned upright by its EXIF orientation, transparency kept, metadata
 * dropped. Accepts JPEG, PNG, WebP and GIF (the first frame of an animation). Throws a
 * VALIDATION DomainError on the `logo` field for anything it will not store.
 */
export async function processLogo(input: Buffer): Promise<ProcessedLogo> {
  if (input.length > LOGO_MAX_BYTES) throw logoError("tooLarge");
  const sniffed = sniffFormat(input);
  if (!sniffed) throw logoError("notImage");
  const options = { limitInputPixels: LOGO_MAX_PIXELS, failOn: "error", autoOrient: true } as const;
  try {
    const metadata = await sharp(input, options).metadata();
    if (metadata.format !== sniffed || !ACCEPTED_FORMATS.has(metadata.format)) throw logoError("notImage");
    // Width × the height of one frame: what decoding the first frame costs.
    const frameHeight = metadata.pageHeight ?? metadata.height;
    if (metadata.width * frameHeight > LOGO_MAX_PIXELS) throw logoError("tooManyPixels");
    const { data, info } = await sharp(input, options)
      .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { content: data, contentType: LOGO_CONTENT_TYPE, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // Corrupt, truncated or otherwise undecodable input.
    throw logoError(isPixelLimitError(error) ? "tooManyPixels" : "notImage");
  }
}

export interface LogoChange {
  userId: number;
  organization: { id: number; slug: string; type: OrgType };
}

/**
 * Who may change an organisation's logo: its OWNER, and only while the organisation exists.
 * A guest gets UNAUTHORIZED; anyone else FORBIDDEN, without saying whether the organisation
 * exists or what their role is.
 */
export async function authorizeLogoChange(userId: number | null, organizationId: number): Promise<LogoChange> {
  const member = await requireMembership(userId, organizationId, { types: ALL_ORG_TYPES, minRole: "OWNER", write: true });
  const { id, slug, type } = member.organization;
  return { userId: member.userId, organization: { id, slug, type } };
}

/** The public URL of an organisation's `version`-th upload; the bytes at one URL never change. */
export const logoPathFor = (organizationId: number, version: number) => `/logos/${organizationId}-${version}.webp`;

/**
 * Replaces the organisation's logo. The image is validated and converted first, so a rejected
 * file changes nothing; the stored image, the organisation's logo URL and the audit entry are
 * then written together.
 */
export async function saveOrganizationLogo(
  organizationId: number,
  actorUserId: number,
  input: Buffer,
  ip: string | null = null,
): Promise<{ logoPath: string }> {
  const logo = await processLogo(input);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
    // The increment locks the row: concurrent uploads each get their own version, in order.
    const { logoVersion } = await tx.organization.update({
      where: { id: organizationId },
      data: { logoVersion: { increment: 1 } },
      select: { logoVersion: true },
    });
    const logoPath = logoPathFor(organizationId, logoVersion);
    const data = {
      content: new Uint8Array(logo.content),
      contentType: logo.contentType,
      width: logo.width,
      height: logo.height,
      updatedAt: new Date(),
    };
    await tx.organizationLogo.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
    await tx.organization.update({ where: { id: organizationId }, data: { logoPath } });
    await audit(
      tx,
      { userId: actorUserId, ip: ip?.slice(0, 45) ?? null },
      "organization.logo.update",
      { type: "organization", id: organizationId },
      { data: { width: logo.width, height: logo.height, bytes: logo.content.length } },
    );
    return { logoPath };
  });
}

/** Removes the uploaded logo; pages fall back to the monogram. */
export async function removeOrganizationLogo(
  organizationId: number,
  actorUserId: number,
  ip: string | null = null,
): Promise<{ logoPath: null }> {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
    await tx.organizationLogo.deleteMany({ where: { organizationId } });
    await tx.organization.update({ where: { id: organizationId }, data: { logoPath: null } });
    await audit(tx, { userId: actorUserId, ip: ip?.slice(0, 45) ?? null }, "organization.logo.remove", {
      type: "organization",
      id: organizationId,
    });
  });
  return { logoPath: null };
}
