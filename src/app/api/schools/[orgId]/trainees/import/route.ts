import { importTraineesRoute } from "@/server/services/schools/trainee-file-routes";

// POST ?mode=preview|commit&lang=: the school's registry from a CSV or XLSX file (owners and managers).
export const POST = importTraineesRoute;
