"use client";
// "51–100 of 1,234" with previous and next.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import styles from "@/components/channels/channels.module.css";

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useTranslations("channels.list");
  if (total <= pageSize && page === 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className={styles.pagination} aria-label={t("pages")}>
      <span className="muted" data-testid="page-range">
        {t("range", { first, last, total })}
      </span>
      <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="page-previous">
        {t("previous")}
      </Button>
      <Button size="small" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="page-next">
        {t("next")}
      </Button>
    </nav>
  );
}
