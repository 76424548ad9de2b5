import { exportTraineesRoute } from "@/server/services/schools/trainee-file-routes";

// GET ?format=csv|xlsx&lang=&q=&groupId=&status=&category=: the registry as a file, for its readers.
export const GET = exportTraineesRoute;
