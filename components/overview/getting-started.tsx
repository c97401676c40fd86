"use client";
// A new account has nothing to chart yet: say how to get the first number on screen.
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import styles from "@/components/overview/overview.module.css";

export function GettingStarted({ isSandbox }: { isSandbox: boolean }) {
  const t = useTranslations("overview.empty");
  const hrefWithAccount = useHrefWithAccount();
  const steps = ["create", isSandbox ? "simulate" : "print", "watch"] as const;
  return (
    <Card className={styles.gettingStarted} data-testid="overview-empty">
      <div className={styles.gettingStartedText}>
        <h2>{t("title")}</h2>
        <p className="muted">{isSandbox ? t("textSandbox") : t("text")}</p>
        <ol className={styles.steps}>
          {steps.map((step) => (
            <li key={step}>
              <strong>{t(`steps.${step}.title`)}</strong>
              <span className="muted">{t(`steps.${step}.text`)}</span>
            </li>
          ))}
        </ol>
        <div>
          <ButtonLink href={hrefWithAccount("/channels")} variant="primary">
            {t("action")}
          </ButtonLink>
        </div>
      </div>
      <div className={styles.gettingStartedArt} aria-hidden>
        <QrArt />
      </div>
    </Card>
  );
}

/** A drawn QR-like mark: decoration only, so it is hidden from assistive technology. */
function QrArt() {
  const cells = [
    [3, 0],
    [4, 1],
    [3, 2],
    [5, 2],
    [4, 3],
    [0, 4],
    [2, 4],
    [3, 4],
    [5, 4],
    [6, 4],
    [4, 5],
    [6, 5],
    [4, 6],
    [5, 6],
    [3, 5],
    [6, 3],
  ];
  return (
    <svg viewBox="0 0 7 7" width="132" height="132" shapeRendering="crispEdges">
      {[
        [0, 0],
        [5, 0],
        [0, 5],
      ].map(([x = 0, y = 0]) => (
        <g key={`${x}-${y}`}>
          <rect x={x - 0.0} y={y} width={2} height={2} fill="var(--color-accent)" rx={0.3} />
          <rect x={x + 0.5} y={y + 0.5} width={1} height={1} fill="#fff" rx={0.15} />
        </g>
      ))}
      {cells.map(([x = 0, y = 0]) => (
        <rect
          key={`${x}-${y}`}
          x={x}
          y={y}
          width={0.86}
          height={0.86}
          rx={0.18}
          fill="var(--color-accent)"
          opacity={0.55}
        />
      ))}
    </svg>
  );
}
