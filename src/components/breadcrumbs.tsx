import { Link } from "@/i18n/navigation";

/** A trail of links; the last item is the current page. */
export function Breadcrumbs({ label, items }: { label: string; items: { name: string; href: string }[] }) {
  return (
    <nav aria-label={label} className="mb-4 text-sm text-gray-700">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={item.href} className="flex items-center gap-2">
              {last ? (
                <span aria-current="page" className="text-gray-900">
                  {item.name}
                </span>
              ) : (
                <>
                  <Link href={item.href} className="underline-offset-2 hover:underline">
                    {item.name}
                  </Link>
                  <span aria-hidden="true">›</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
