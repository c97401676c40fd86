"use client";
// Editing a channel: name, group, tags, note, welcome message and auto-tag. The scene is shown
// but never editable: events and rollups are keyed by it.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useUpdateChannel } from "@/lib/client/channels";
import { isApiError } from "@/lib/client/http";
import type { Channel, ChannelUpdateInput } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

export function splitTagText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，;；、]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

interface EditValues {
  name: string;
  group: string;
  tags: string;
  note: string;
  welcomeMessage: string;
  autoTagName: string;
}

const valuesOf = (channel: Channel): EditValues => ({
  name: channel.name,
  group: channel.group ?? "",
  tags: channel.tags.join(", "),
  note: channel.note ?? "",
  welcomeMessage: channel.welcomeMessage ?? "",
  autoTagName: channel.autoTagName ?? "",
});

function toUpdate(values: EditValues): ChannelUpdateInput {
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  return {
    name: values.name.trim(),
    group: orNull(values.group),
    tags: splitTagText(values.tags),
    note: orNull(values.note),
    welcomeMessage: values.welcomeMessage.trim() ? values.welcomeMessage : null,
    autoTagName: orNull(values.autoTagName),
  };
}

/** Mounted while a channel is being edited (keyed by it): opens as a modal, closes into `onClose`. */
export function ChannelEditDialog({ channel, onClose }: { channel: Channel; onClose: () => void }) {
  const t = useTranslations("channels.edit");
  const tForm = useTranslations("channels.form");
  const dialog = useRef<HTMLDialogElement>(null);
  const update = useUpdateChannel();
  const [values, setValues] = useState<EditValues>(() => valuesOf(channel));

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const issue = (path: string) => (isApiError(update.error) ? update.error.issueFor(path) : undefined);
  const set = (field: keyof EditValues) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ id: channel.id, input: toUpdate(values) }, { onSuccess: () => dialog.current?.close() });
  }

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      onClose={onClose}
      aria-labelledby="edit-channel-title"
      data-testid="edit-dialog"
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <h2 id="edit-channel-title">{t("title")}</h2>
        <p className={styles.formNote}>{t("sceneFixed", { scene: channel.scene })}</p>
        <TextField
          label={tForm("name")}
          value={values.name}
          onChange={set("name")}
          error={issue("name")}
          maxLength={100}
          data-testid="edit-name"
        />
        <div className={styles.formRow2}>
          <TextField
            label={tForm("group")}
            labelNote={tForm("optional")}
            value={values.group}
            onChange={set("group")}
            error={issue("group")}
            maxLength={100}
            data-testid="edit-group"
          />
          <TextField
            label={tForm("tags")}
            labelNote={tForm("optional")}
            hint={tForm("tagsHint")}
            value={values.tags}
            onChange={set("tags")}
            error={issue("tags")}
            data-testid="edit-tags"
          />
        </div>
        <TextAreaField
          label={tForm("welcomeMessage")}
          labelNote={tForm("optional")}
          value={values.welcomeMessage}
          onChange={set("welcomeMessage")}
          error={issue("welcomeMessage")}
          rows={3}
        />
        <div className={styles.formRow2}>
          <TextField
            label={tForm("autoTag")}
            labelNote={tForm("optional")}
            hint={tForm("autoTagHint")}
            value={values.autoTagName}
            onChange={set("autoTagName")}
            error={issue("autoTagName")}
            maxLength={30}
          />
          <TextField
            label={tForm("note")}
            labelNote={tForm("optional")}
            value={values.note}
            onChange={set("note")}
            error={issue("note")}
            maxLength={1000}
          />
        </div>
        {update.isError && !(isApiError(update.error) && update.error.issues.length > 0) ? (
          <InlineError error={update.error} />
        ) : null}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" isLoading={update.isPending} data-testid="edit-save">
            {t("save")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
