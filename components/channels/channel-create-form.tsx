"use client";
// "New channel": one placement, one QR code — permanent or temporary, with a scene Qudao picks
// (a number, or readable text from the name) or one typed in. After creating, the new code is
// shown here and tops the list; the form stays for the next placement. The channel list opens it
// in a dialog (ChannelCreateDialog), beside the permanent-code quota.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { SegmentedControl, TextAreaField, TextField } from "@/components/ui/field";
import { ChannelCreatedNotice } from "@/components/channels/channel-created-notice";
import { QuotaMeter } from "@/components/channels/quota-meter";
import { useModal } from "@/components/ui/use-modal";
import {
  channelFormErrorsFrom,
  checkChannelForm,
  emptyChannelForm,
  maxExpiryDays,
  toChannelCreateInput,
  toDateTimeLocal,
  type ChannelFormErrors,
  type ChannelFormField,
  type ChannelFormValues,
  type ExpiryChoice,
  type SceneChoice,
} from "@/components/channels/channel-form-values";
import { useCreateChannel } from "@/lib/client/channels";
import type { Channel, QrKind } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

export function ChannelCreateForm({ accountId }: { accountId: string }) {
  const t = useTranslations("channels.form");
  const tKind = useTranslations("channels.kind");
  const createChannel = useCreateChannel();
  const [values, setValues] = useState<ChannelFormValues>(emptyChannelForm);
  const [errors, setErrors] = useState<ChannelFormErrors>({});
  const [created, setCreated] = useState<Channel | null>(null);
  // The custom expiry's bounds: taken once, they only guide the picker (the server checks again).
  const [now] = useState(() => Date.now());

  const setValue = <Field extends keyof ChannelFormValues>(field: Field, value: ChannelFormValues[Field]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field in errors) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function chooseExpiry(choice: ExpiryChoice) {
    setValue("expiryChoice", choice);
    // Start the custom picker a week out, a sensible default to adjust.
    if (choice === "custom" && !values.expiresAt)
      setValue("expiresAt", toDateTimeLocal(new Date(now + 7 * 86_400_000)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkChannelForm(values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    createChannel.mutate(toChannelCreateInput(accountId, values), {
      onSuccess: (channel) => {
        setCreated(channel);
        // The kind and scene choices usually repeat for the next placement; the rest does not.
        setValues({
          ...emptyChannelForm,
          kind: values.kind,
          sceneChoice: values.sceneChoice === "custom" ? "auto-int" : values.sceneChoice,
          expiryChoice: values.expiryChoice,
          group: values.group,
        });
      },
      onError: (error) => setErrors(channelFormErrorsFrom(error)),
    });
  }

  const errorText = (field: ChannelFormField): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    return "text" in error ? error.text : t(`errors.${error.key}`, error.values);
  };
  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <>
      {created ? <ChannelCreatedNotice channel={created} onDismiss={() => setCreated(null)} /> : null}
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t("name")}
          placeholder={t("namePlaceholder")}
          value={values.name}
          onChange={(event) => setValue("name", event.target.value)}
          error={errorText("name")}
          maxLength={100}
          data-testid="channel-name"
        />
        <div className={styles.formRow2}>
          <TextField
            label={t("group")}
            labelNote={t("optional")}
            placeholder={t("groupPlaceholder")}
            value={values.group}
            onChange={(event) => setValue("group", event.target.value)}
            error={errorText("group")}
            maxLength={100}
            data-testid="channel-group"
          />
          <TextField
            label={t("tags")}
            labelNote={t("optional")}
            placeholder={t("tagsPlaceholder")}
            value={values.tags}
            onChange={(event) => setValue("tags", event.target.value)}
            error={errorText("tags")}
            data-testid="channel-tags"
          />
        </div>
        <SegmentedControl<QrKind>
          label={t("kind")}
          value={values.kind}
          onChange={(kind) => setValue("kind", kind)}
          options={[
            { value: "permanent", label: tKind("permanent") },
            { value: "temporary", label: tKind("temporary") },
          ]}
        />
        <p className={styles.formNote}>{values.kind === "permanent" ? t("permanentHint") : t("temporaryHint")}</p>
        {values.kind === "temporary" ? (
          <div className={styles.expiryPicker}>
            <SegmentedControl<ExpiryChoice>
              label={t("expiry")}
              value={values.expiryChoice}
              onChange={chooseExpiry}
              options={[
                { value: "1", label: t("expiryDays", { days: 1 }) },
                { value: "7", label: t("expiryDays", { days: 7 }) },
                { value: "30", label: t("expiryDays", { days: 30 }) },
                { value: "custom", label: t("expiryCustom") },
              ]}
            />
            {values.expiryChoice === "custom" ? (
              <TextField
                label={t("expiresAt")}
                type="datetime-local"
                value={values.expiresAt}
                min={toDateTimeLocal(new Date(now + 5 * 60_000))}
                max={toDateTimeLocal(new Date(now + maxExpiryDays * 86_400_000 - 60_000))}
                onChange={(event) => setValue("expiresAt", event.target.value)}
                error={errorText("expiresAt")}
                hint={t("expiryHint", { max: maxExpiryDays })}
                data-testid="channel-expires-at"
              />
            ) : errorText("expiresAt") ? (
              <p className={styles.fieldErrorText}>{errorText("expiresAt")}</p>
            ) : null}
          </div>
        ) : null}
        <SegmentedControl<SceneChoice>
          label={t("scene")}
          value={values.sceneChoice}
          onChange={(choice) => setValue("sceneChoice", choice)}
          options={[
            { value: "auto-int", label: t("sceneAutoInt") },
            { value: "auto-str", label: t("sceneAutoStr") },
            { value: "custom", label: t("sceneCustom") },
          ]}
        />
        {values.sceneChoice === "custom" ? (
          <TextField
            label={t("sceneValue")}
            placeholder={t("scenePlaceholder")}
            hint={t("sceneHint")}
            value={values.scene}
            onChange={(event) => setValue("scene", event.target.value)}
            error={errorText("scene")}
            data-testid="channel-scene-input"
          />
        ) : (
          <p className={styles.formNote}>
            {values.sceneChoice === "auto-int" ? t("sceneAutoIntHint") : t("sceneAutoStrHint")}
          </p>
        )}
        <TextAreaField
          label={t("welcomeMessage")}
          labelNote={t("optional")}
          placeholder={t("welcomePlaceholder")}
          hint={t("welcomeHint")}
          value={values.welcomeMessage}
          onChange={(event) => setValue("welcomeMessage", event.target.value)}
          error={errorText("welcomeMessage")}
          rows={3}
        />
        <TextField
          label={t("autoTag")}
          labelNote={t("optional")}
          placeholder={t("autoTagPlaceholder")}
          hint={t("autoTagHint")}
          value={values.autoTagName}
          onChange={(event) => setValue("autoTagName", event.target.value)}
          error={errorText("autoTagName")}
          maxLength={30}
        />
        {createChannel.isError && !hasFieldErrors ? <InlineError error={createChannel.error} /> : null}
        <Button type="submit" variant="primary" isLoading={createChannel.isPending} data-testid="channel-create">
          {t("submit")}
        </Button>
      </form>
    </>
  );
}

/** Mounted to open: "New channel" as a modal, with the quota it spends; closes into `onClose`. */
export function ChannelCreateDialog({
  accountId,
  timeZone,
  onClose,
}: {
  accountId: string;
  timeZone: string;
  onClose: () => void;
}) {
  const t = useTranslations("channels.form");
  const tCommon = useTranslations("channels.edit");
  const dialog = useModal();
  return (
    <dialog
      ref={dialog}
      className={`${styles.dialog} ${styles.createDialog}`}
      onClose={onClose}
      aria-labelledby="create-channel-title"
      data-testid="create-dialog"
    >
      <div className={styles.dialogHeader}>
        <div>
          <h2 id="create-channel-title">{t("title")}</h2>
          <p className="muted">{t("description")}</p>
        </div>
        <Button size="small" variant="ghost" onClick={() => dialog.current?.close()} data-testid="create-close">
          {tCommon("cancel")}
        </Button>
      </div>
      <QuotaMeter accountId={accountId} timeZone={timeZone} />
      <ChannelCreateForm accountId={accountId} />
    </dialog>
  );
}
