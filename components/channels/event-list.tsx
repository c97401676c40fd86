"use client";
// Recent raw events, newest first, with times in the account's zone.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useFormatters } from "@/components/ui/use-formatters";
import type { EventItem } from "@/lib/schemas/events";
import styles from "@/components/channels/channel-detail.module.css";

const typeTone: Record<EventItem["type"], BadgeTone> = {
  subscribe: "green",
  scan: "blue",
  unsubscribe: "red",
  other: "neutral",
};

export function EventList({ events, timeZone }: { events: EventItem[]; timeZone: string }) {
  const t = useTranslations("events");
  const formatters = useFormatters(timeZone);
  return (
    <ul className={styles.events}>
      {events.map((event) => (
        <li key={event.id} className={styles.event}>
          <Badge tone={typeTone[event.type]}>{t(`type.${event.type}`)}</Badge>
          <span className={`mono ${styles.eventOpenid}`} title={event.openid}>
            {event.openid}
          </span>
          <span className={`faint ${styles.eventScene}`}>
            {event.scene ? t("scene", { scene: event.scene }) : null}
          </span>
          <time className={`muted tabular ${styles.eventTime}`} dateTime={event.occurredAt}>
            {formatters.instantWithSeconds(event.occurredAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
