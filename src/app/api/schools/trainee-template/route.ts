import { traineeTemplateRoute } from "@/server/services/schools/trainee-file-routes";

// GET ?format=csv|xlsx&lang=: the empty registry file to fill in and import.
export const GET = traineeTemplateRoute;
