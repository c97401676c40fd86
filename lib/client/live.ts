// The live feed: an EventSource on /api/live. The browser reconnects by itself and sends the last
// event id, so nothing is lost across a dropped connection or a server restart.
import { useEffect, useRef, useState } from "react";
import { liveEventSchema, type LiveEvent } from "@/lib/schemas/stats";
import { queryString } from "@/lib/client/http";

export type LiveStatus = "connecting" | "open" | "reconnecting";

const keptEvents = 100;

export function useLiveFeed(accountId: string, onPush?: (events: LiveEvent[]) => void) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const onPushRef = useRef(onPush);
  useEffect(() => {
    onPushRef.current = onPush;
  }, [onPush]);

  useEffect(() => {
    const source = new EventSource(`/api/live${queryString({ accountId })}`);
    // Pushes come in bursts: render them together, once per animation frame.
    let pending: LiveEvent[] = [];
    let frame = 0;
    const flush = () => {
      frame = 0;
      const batch = pending;
      pending = [];
      setEvents((current) => [...batch.reverse(), ...current].slice(0, keptEvents));
      onPushRef.current?.(batch);
    };
    source.addEventListener("ready", () => setStatus("open"));
    source.addEventListener("push", (message) => {
      const parsed = liveEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
      if (!parsed.success) return;
      pending.push(parsed.data);
      frame ||= requestAnimationFrame(flush);
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "connecting" : "reconnecting");
    return () => {
      if (frame) cancelAnimationFrame(frame);
      source.close();
    };
  }, [accountId]);

  return { events, status };
}
