// The new-channel form's values → the API's ChannelCreateInput, with the checks that can be made
// before a request (in the reader's language): the API's own schemas (lib/schemas/channels.ts), so
// a limit is written once. The server re-checks everything.
import {
  channelFields,
  channelTagSchema,
  maxChannelGroupLength,
  maxChannelNameLength,
  maxChannelTagLength,
  maxIntegerSceneOf,
  maxSceneTextLength,
  maxTemporaryExpirySeconds,
  maxWechatTagNameBytes,
  maxWelcomeMessageBytes,
  qrOptionsSchema,
  stringSceneSchema,
  type ChannelCreateInput,
  type QrKind,
} from "@/lib/schemas/channels";
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

function isValid(schema: { safeParse(value: unknown): { success: boolean } }, value: unknown): boolean {
  return schema.safeParse(value).success;
}

export function checkChannelForm(values: ChannelFormValues): ChannelFormErrors {
  const errors: ChannelFormErrors = {};
  if (!values.name.trim()) errors.name = { key: "nameRequired" };
  else if (!isValid(channelFields.name, values.name))
    errors.name = { key: "tooLong", values: { max: maxChannelNameLength } };
  if (!isValid(channelFields.group, values.group))
    errors.group = { key: "tooLong", values: { max: maxChannelGroupLength } };
  if (!splitTags(values.tags).every((tag) => isValid(channelTagSchema, tag)))
    errors.tags = { key: "tooLong", values: { max: maxChannelTagLength } };

  const scene = values.scene.trim();
  if (values.sceneChoice === "custom") {
    if (!scene) errors.scene = { key: "sceneRequired" };
    else if (/^\d+$/.test(scene)) {
      if (!isValid(qrOptionsSchema, { kind: values.kind, scene: Number(scene) }))
        errors.scene = { key: "sceneRange", values: { max: maxIntegerSceneOf(values.kind) } };
    } else if (!isValid(stringSceneSchema, scene))
      errors.scene = { key: "tooLong", values: { max: maxSceneTextLength } };
  }
  if (values.kind === "temporary") {
    const expiresInSeconds = expirySecondsOf(values);
    if (expiresInSeconds === null || !isValid(qrOptionsSchema, { kind: "temporary", expiresInSeconds }))
      errors.expiresAt = { key: "expiryRange", values: { max: maxExpiryDays } };
  }

  if (!isValid(channelFields.welcomeMessage, values.welcomeMessage))
    errors.welcomeMessage = { key: "welcomeTooLong", values: { max: maxWelcomeMessageBytes } };
  const autoTagName = values.autoTagName.trim();
  if (autoTagName && !isValid(channelFields.autoTagName, autoTagName))
    errors.autoTagName = { key: "tagNameTooLong", values: { max: maxWechatTagNameBytes } };
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
