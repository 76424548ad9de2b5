import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { updateProfileSchema, type UpdateProfileInput } from "@/lib/validation/profile";

export function getProfile(userId: number) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      locale: true,
      isSeeker: true,
      emailVerifiedAt: true,
      adultDeclaredAt: true,
      city: { select: { id: true, nameRu: true, nameKk: true } },
      createdAt: true,
    },
  });
}

export async function updateProfile(userId: number, raw: UpdateProfileInput) {
  const input = updateProfileSchema.parse(raw);
  if (input.cityId !== null) {
    const city = await db.city.findUnique({ where: { id: input.cityId }, select: { id: true } });
    if (!city) throw new DomainError("VALIDATION", "errors.cityUnknown", { field: "cityId" });
  }
  await db.user.update({ where: { id: userId }, data: input, select: { id: true } });
  return getProfile(userId);
}
