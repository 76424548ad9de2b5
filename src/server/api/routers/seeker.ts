import { updateProfileSchema } from "@/lib/validation/profile";
import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import { getProfile, updateProfile } from "@/server/services/users/profile";

export const seekerRouter = createTRPCRouter({
  profile: createTRPCRouter({
    get: seekerProcedure.query(({ ctx }) => getProfile(ctx.user.id)),
    update: seekerProcedure.input(updateProfileSchema).mutation(({ ctx, input }) => updateProfile(ctx.user.id, input)),
  }),
});
