import { directoryMetadata, DirectoryRoute } from "@/components/school/school-directory-page";

// The driving-school directory (see the component): rendered per request, it reads `?page=`.
export const dynamic = "force-dynamic";
export const generateMetadata = directoryMetadata;
export default DirectoryRoute;
