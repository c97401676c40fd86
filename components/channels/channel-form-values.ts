// The new-channel form's values → the API's ChannelCreateInput, with the checks that can be made
// before a request (in the reader's language). The server re-checks everything.
import {
  maxPermanentScenes,
  maxTemporaryExpirySeconds,
  maxWelcomeMessageBytes,
  type ChannelCreateInput,
  type QrKind,
} from "@/lib/schemas/channels";
import { byteLength } from "@/lib/schemas/common";
import { isApiError } from "@/lib/client/http";

export interface ChannelFormValues {
  name: string;
  group: string;
  kind: QrKind;
  scene: string;
  expiryDays: string;
  welcomeMessage: string;
}

export type ChannelFormField = "name" | "group" | "scene" | "expiryDays" | "welcomeMessage";

/** Message keys under channels.form.errors, or a server message to show as is. */
export type ChannelFormErrors = Partial<Record<ChannelFormField, { key: string; values?: Record<string, number> } | { text: string }>>;

export const maxExpiryDays = maxTemporaryExpirySeconds / 86_400;

export const emptyChannelForm: ChannelFormValues = { name: "", group: "", kind: "permanent", scene: "", expiryDays: String(maxExpiryDays), welcomeMessage: "" };

export function checkChannelForm(values: ChannelFormValues): ChannelFormErrors {
  const errors: ChannelFormErrors = {};
  if (!values.name.trim()) errors.name = { key: "nameRequired" };
  else if (values.name.trim().length > 100) errors.name = { key: "tooLong", values: { max: 100 } };
  if (values.group.trim().length > 100) errors.group = { key: "tooLong", values: { max: 100 } };
  const scene = values.scene.trim();
  if (/^\d+$/.test(scene)) {
    const max = values.kind === "permanent" ? maxPermanentScenes : 4_294_967_295;
    const number = Number(scene);
    if (number < 1 || number > max) errors.scene = { key: "sceneRange", values: { max } };
  } else if (scene.length > 64) {
    errors.scene = { key: "tooLong", values: { max: 64 } };
  }
  if (values.kind === "temporary") {
    const days = Number(values.expiryDays);
    if (!Number.isInteger(days) || days < 1 || days > maxExpiryDays) errors.expiryDays = { key: "expiryRange", values: { max: maxExpiryDays } };
  }
  if (byteLength(values.welcomeMessage) > maxWelcomeMessageBytes) errors.welcomeMessage = { key: "welcomeTooLong", values: { max: maxWelcomeMessageBytes } };
  return errors;
}

export function toChannelCreateInput(accountId: string, values: ChannelFormValues): ChannelCreateInput {
  const scene = values.scene.trim();
  return {
    accountId,
    name: values.name.trim(),
    group: values.group.trim() || null,
    welcomeMessage: values.welcomeMessage.trim() ? values.welcomeMessage : null,
    qr: {
      kind: values.kind,
      // Digits only means an integer scene (WeChat's scene_id); anything else is a scene_str.
      ...(scene ? { scene: /^\d+$/.test(scene) ? Number(scene) : scene } : {}),
      ...(values.kind === "temporary" ? { expiresInSeconds: Number(values.expiryDays) * 86_400 } : {}),
    },
  };
}

const fieldByIssuePath: Record<string, ChannelFormField> = {
  name: "name",
  group: "group",
  welcomeMessage: "welcomeMessage",
  "qr.scene": "scene",
  "qr.expiresInSeconds": "expiryDays",
};

/** The server's validation issues placed next to their fields; a conflict means the scene is taken. */
export function channelFormErrorsFrom(error: unknown, values: ChannelFormValues): ChannelFormErrors {
  if (!isApiError(error)) return {};
  if (error.code === "conflict" && values.scene.trim()) return { scene: { key: "sceneTaken" } };
  const errors: ChannelFormErrors = {};
  for (const issue of error.issues) {
    const field = fieldByIssuePath[issue.path.map(String).join(".")];
    if (field && !errors[field]) errors[field] = { text: issue.message };
  }
  return errors;
}
