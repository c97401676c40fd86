"use client";
// "New channel": one placement, one QR code. After creating, the new code is shown here and tops
// the list; its page (one click away) is where it can be test-scanned.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError } from "@/components/ui/error-state";
import { SegmentedControl, TextAreaField, TextField } from "@/components/ui/field";
import { ChannelCreatedNotice } from "@/components/channels/channel-created-notice";
import {
  channelFormErrorsFrom,
  checkChannelForm,
  emptyChannelForm,
  maxExpiryDays,
  toChannelCreateInput,
  type ChannelFormErrors,
  type ChannelFormField,
  type ChannelFormValues,
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

  const setValue = <Field extends keyof ChannelFormValues>(field: Field, value: ChannelFormValues[Field]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (field in errors) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkChannelForm(values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    createChannel.mutate(toChannelCreateInput(accountId, values), {
      onSuccess: (channel) => {
        setCreated(channel);
        setValues(emptyChannelForm);
      },
      onError: (error) => setErrors(channelFormErrorsFrom(error, values)),
    });
  }

  const errorText = (field: ChannelFormField): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    return "text" in error ? error.text : t(`errors.${error.key}`, error.values);
  };
  const hasFieldErrors = Object.values(errors).some(Boolean);

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
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
          <TextField
            label={t("group")}
            labelNote={t("optional")}
            placeholder={t("groupPlaceholder")}
            value={values.group}
            onChange={(event) => setValue("group", event.target.value)}
            error={errorText("group")}
            maxLength={100}
          />
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
          <div className={values.kind === "temporary" ? styles.formRow : undefined}>
            <TextField
              label={t("scene")}
              labelNote={t("optional")}
              placeholder={t("scenePlaceholder")}
              hint={t("sceneHint")}
              value={values.scene}
              onChange={(event) => setValue("scene", event.target.value)}
              error={errorText("scene")}
            />
            {values.kind === "temporary" ? (
              <TextField
                label={t("expiryDays")}
                type="number"
                inputMode="numeric"
                min={1}
                max={maxExpiryDays}
                value={values.expiryDays}
                onChange={(event) => setValue("expiryDays", event.target.value)}
                error={errorText("expiryDays")}
                hint={t("expiryHint", { max: maxExpiryDays })}
              />
            ) : null}
          </div>
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
          {createChannel.isError && !hasFieldErrors ? <InlineError error={createChannel.error} /> : null}
          <Button type="submit" variant="primary" isLoading={createChannel.isPending} data-testid="channel-create">
            {t("submit")}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
