// The new-channel form's values → the API's ChannelCreateInput, with the checks that can be made
// before a request (in the reader's language). The server re-checks everything.
import {
  maxPermanentScenes,
  maxTemporaryExpirySeconds,
  maxWelcomeMessageBytes,
  minTemporaryExpirySeconds,
  type ChannelCreateInput,
  type QrKind,
} from "@/lib/schemas/channels";
import { byteLength } from "@/lib/schemas/common";
import { isApiError } from "@/lib/client/http";

/** auto-int: the next free number; auto-str: a readable slug of the name; custom: typed in. */
export type SceneChoice = "auto-int" | "auto-str" | "custom";
/** Days, or a date and time typed in (at most 30 days away). */
export type ExpiryChoice = "1" | "7" | "30" | "custom";

export interface ChannelFormValues {
  name: string;
  group: string;
  tags: string;
  kind: QrKind;
  sceneChoice: SceneChoice;
  scene: string;
  expiryChoice: ExpiryChoice;
  /** A datetime-local value (the browser's zone). */
  expiresAt: string;
  welcomeMessage: string;
  autoTagName: string;
}

export type ChannelFormField = "name" | "group" | "tags" | "scene" | "expiresAt" | "welcomeMessage" | "autoTagName";

/** Message keys under channels.form.errors, or a server message to show as is. */
export type ChannelFormErrors = Partial<
  Record<ChannelFormField, { key: string; values?: Record<string, number> } | { text: string }>
>;

export const maxExpiryDays = maxTemporaryExpirySeconds / 86_400;

export const emptyChannelForm: ChannelFormValues = {
  name: "",
  group: "",
  tags: "",
  kind: "permanent",
  sceneChoice: "auto-int",
  scene: "",
  expiryChoice: "30",
  expiresAt: "",
  welcomeMessage: "",
  autoTagName: "",
};

export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** A datetime-local value for an instant, in the browser's zone. */
export function toDateTimeLocal(instant: Date): string {
  const local = new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function expirySecondsOf(
  values: Pick<ChannelFormValues, "expiryChoice" | "expiresAt">,
  now = Date.now(),
): number | null {
  if (values.expiryChoice !== "custom") return Number(values.expiryChoice) * 86_400;
  const instant = new Date(values.expiresAt).getTime();
  return Number.isNaN(instant) ? null : Math.round((instant - now) / 1000);
}

export function checkChannelForm(values: ChannelFormValues): ChannelFormErrors {
  const errors: ChannelFormErrors = {};
  if (!values.name.trim()) errors.name = { key: "nameRequired" };
  else if (values.name.trim().length > 100) errors.name = { key: "tooLong", values: { max: 100 } };
  if (values.group.trim().length > 100) errors.group = { key: "tooLong", values: { max: 100 } };
  if (splitTags(values.tags).some((tag) => tag.length > 30)) errors.tags = { key: "tooLong", values: { max: 30 } };
  const scene = values.scene.trim();
  if (values.sceneChoice === "custom") {
    if (!scene) errors.scene = { key: "sceneRequired" };
    else if (/^\d+$/.test(scene)) {
      const max = values.kind === "permanent" ? maxPermanentScenes : 4_294_967_295;
      const number = Number(scene);
      if (number < 1 || number > max) errors.scene = { key: "sceneRange", values: { max } };
    } else if (scene.length > 64) errors.scene = { key: "tooLong", values: { max: 64 } };
  }
  if (values.kind === "temporary") {
    const seconds = expirySecondsOf(values);
    if (seconds === null || seconds < minTemporaryExpirySeconds || seconds > maxTemporaryExpirySeconds)
      errors.expiresAt = { key: "expiryRange", values: { max: maxExpiryDays } };
  }
  if (byteLength(values.welcomeMessage) > maxWelcomeMessageBytes)
    errors.welcomeMessage = { key: "welcomeTooLong", values: { max: maxWelcomeMessageBytes } };
  if (values.autoTagName.trim().length > 30) errors.autoTagName = { key: "tooLong", values: { max: 30 } };
  return errors;
}

export function toChannelCreateInput(accountId: string, values: ChannelFormValues): ChannelCreateInput {
  const scene = values.scene.trim();
  const tags = splitTags(values.tags);
  const expiresInSeconds = values.kind === "temporary" ? expirySecondsOf(values) : null;
  return {
    accountId,
    name: values.name.trim(),
    group: values.group.trim() || null,
    ...(tags.length ? { tags } : {}),
    welcomeMessage: values.welcomeMessage.trim() ? values.welcomeMessage : null,
    autoTagName: values.autoTagName.trim() || null,
    qr: {
      kind: values.kind,
      // Digits only means an integer scene (WeChat's scene_id); anything else is a scene_str.
      ...(values.sceneChoice === "custom" && scene ? { scene: /^\d+$/.test(scene) ? Number(scene) : scene } : {}),
      ...(values.sceneChoice === "auto-str" ? { sceneType: "str" as const } : {}),
      ...(expiresInSeconds !== null ? { expiresInSeconds } : {}),
    },
  };
}

const fieldByIssuePath: Record<string, ChannelFormField> = {
  name: "name",
  group: "group",
  tags: "tags",
  welcomeMessage: "welcomeMessage",
  autoTagName: "autoTagName",
  "qr.scene": "scene",
  "qr.expiresInSeconds": "expiresAt",
};

/** The server's validation issues placed next to their fields; a conflict on the scene names the channel that has it. */
export function channelFormErrorsFrom(error: unknown): ChannelFormErrors {
  if (!isApiError(error)) return {};
  const errors: ChannelFormErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const field = fieldByIssuePath[path] ?? (path.startsWith("tags.") ? "tags" : undefined);
    if (field && !errors[field])
      errors[field] = error.code === "conflict" && field === "scene" ? { key: "sceneTaken" } : { text: issue.message };
  }
  return errors;
}
