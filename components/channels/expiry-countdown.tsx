"use client";
// Time left on a temporary code, ticking every 30 s; "expired" the moment it runs out (the list's
// status is derived on the server from the same expiry, so both agree after the next refetch).
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import styles from "@/components/channels/channels.module.css";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const t = useTranslations("channels.expiry");
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // Rendered on the client only: the server's clock and the browser's render the same markup.
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) {
    return (
      <span className={`${styles.countdown} ${styles.countdownExpired}`} data-testid="expiry-countdown">
        {t("expired")}
      </span>
    );
  }
  const days = Math.floor(left / day);
  const hours = Math.floor((left % day) / hour);
  const minutes = Math.max(1, Math.floor((left % hour) / minute));
  const text =
    days > 0
      ? t("daysHours", { days, hours })
      : hours > 0
        ? t("hoursMinutes", { hours, minutes })
        : t("minutes", { minutes });
  return (
    <span
      className={`${styles.countdown} ${left < day ? styles.countdownSoon : ""}`}
      data-testid="expiry-countdown"
      title={new Date(expiresAt).toLocaleString()}
    >
      {text}
    </span>
  );
}
