import { z } from "zod";

import { groupInputSchema, statusChangeSchema, traineeInputSchema, traineeListSchema } from "@/lib/validation/school";
import { schoolCoursesSchema } from "@/lib/validation/school-profile";
import { createTRPCRouter, SCHOOL_ORG_TYPES, schoolProcedure } from "@/server/api/trpc";
import { changeTraineeStatus } from "@/server/services/schools/change-trainee-status";
import { createGroup } from "@/server/services/schools/create-group";
import { createTrainee } from "@/server/services/schools/create-trainee";
import { getTrainee } from "@/server/services/schools/get-trainee";
import { listGroups } from "@/server/services/schools/list-groups";
import { listInstructors } from "@/server/services/schools/list-instructors";
import { listTrainees } from "@/server/services/schools/list-trainees";
import { listSchoolCourses, saveSchoolCourses } from "@/server/services/schools/school-courses";
import { registryStatus } from "@/server/services/schools/registry-status";
import { updateGroup } from "@/server/services/schools/update-group";
import { updateTrainee } from "@/server/services/schools/update-trainee";

import { organizationRouter } from "./organization-router";

const id = z.number().int().positive();

/**
 * The trainee registry (SPEC §6): every member reads (an instructor only the groups they teach,
 * and those groups' trainees); owners and managers write. The services check both again, and
 * that the school may write at all (verified, not blocked). File import and export are route
 * handlers under /api/schools/{orgId}/trainees/.
 */
const groupsRouter = createTRPCRouter({
  list: schoolProcedure("OBSERVER").query(({ ctx, input }) => listGroups(ctx.actor, input.organizationId)),
  instructors: schoolProcedure("MANAGER").query(({ ctx, input }) => listInstructors(ctx.actor, input.organizationId)),
  create: schoolProcedure("MANAGER")
    .input(z.object({ group: groupInputSchema }))
    .mutation(({ ctx, input }) => createGroup(ctx.actor, input.organizationId, input.group)),
  update: schoolProcedure("MANAGER")
    .input(z.object({ groupId: id, group: groupInputSchema }))
    .mutation(({ ctx, input }) => updateGroup(ctx.actor, input.organizationId, input.groupId, input.group)),
});

const traineesRouter = createTRPCRouter({
  list: schoolProcedure("OBSERVER")
    .input(traineeListSchema)
    .query(({ ctx, input: { organizationId, ...filters } }) => listTrainees(ctx.actor, organizationId, filters)),
  get: schoolProcedure("OBSERVER")
    .input(z.object({ traineeId: id }))
    .query(({ ctx, input }) => getTrainee(ctx.actor, input.organizationId, input.traineeId)),
  create: schoolProcedure("MANAGER")
    .input(z.object({ trainee: traineeInputSchema }))
    .mutation(({ ctx, input }) => createTrainee(ctx.actor, input.organizationId, input.trainee)),
  update: schoolProcedure("MANAGER")
    .input(z.object({ traineeId: id, trainee: traineeInputSchema }))
    .mutation(({ ctx, input }) => updateTrainee(ctx.actor, input.organizationId, input.traineeId, input.trainee)),
  changeStatus: schoolProcedure("MANAGER")
    .input(z.object({ traineeId: id, change: statusChangeSchema }))
    .mutation(({ ctx, input }) => changeTraineeStatus(ctx.actor, input.organizationId, input.traineeId, input.change)),
});

/** The courses on the school's public page: every member reads, owners and managers edit. */
const coursesRouter = createTRPCRouter({
  list: schoolProcedure("OBSERVER").query(({ input }) => listSchoolCourses(input.organizationId)),
  save: schoolProcedure("MANAGER")
    .input(z.object({ courses: schoolCoursesSchema }))
    .mutation(({ ctx, input }) => saveSchoolCourses(input.organizationId, input.courses, ctx.actor)),
});

export const schoolRouter = createTRPCRouter({
  organization: organizationRouter(SCHOOL_ORG_TYPES, schoolProcedure, ["OWNER", "MANAGER", "INSTRUCTOR", "OBSERVER"]),
  courses: coursesRouter,
  /** What the member may do in the registry now, and why it is read-only if it is. */
  status: schoolProcedure("OBSERVER").query(({ ctx, input }) => registryStatus(ctx.actor, input.organizationId)),
  groups: groupsRouter,
  trainees: traineesRouter,
});
