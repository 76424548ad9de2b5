import { accountRouter } from "./routers/account";
import { adminRouter } from "./routers/admin";
import { employerRouter } from "./routers/employer";
import { publicRouter } from "./routers/public";
import { schoolRouter } from "./routers/school";
import { seekerRouter } from "./routers/seeker";
import { staffAuthRouter } from "./routers/staff-auth";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  public: publicRouter,
  account: accountRouter,
  seeker: seekerRouter,
  employer: employerRouter,
  school: schoolRouter,
  admin: adminRouter,
  staffAuth: staffAuthRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
