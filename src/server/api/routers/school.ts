import { createTRPCRouter } from "@/server/api/trpc";

/** Driving schools' dashboard: procedures arrive with its pages (the organisation router is shared with employers). */
export const schoolRouter = createTRPCRouter({});
