import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

export function RowButtons(props: {
  index: number;
  count: number;
  label: string;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("resumes.editor");
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={props.index === 0}
        aria-label={t("moveUpNamed", { name: props.label })}
        onClick={() => props.onMove(props.index - 1)}
      >
        {t("moveUp")}
      </Button>
      <Button
        type="button"
        variant="secondary"
        disabled={props.index === props.count - 1}
        aria-label={t("moveDownNamed", { name: props.label })}
        onClick={() => props.onMove(props.index + 1)}
      >
        {t("moveDown")}
      </Button>
      <Button type="button" variant="secondary" aria-label={t("removeNamed", { name: props.label })} onClick={props.onRemove}>
        {t("remove")}
      </Button>
    </div>
  );
}
