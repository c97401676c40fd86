"use client";
// The QR studio of one channel: a live preview drawn in the browser from the same layout the
// server renders downloads with, the design's controls, and saving (optionally for the whole
// group) so every later download — single or ZIP — looks the same.
import { useMay } from "@/components/auth/viewer-context";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState, InlineAlert, InlineError } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { DesignControls } from "@/components/studio/design-controls";
import { QrPreview } from "@/components/studio/qr-preview";
import { channelQrImageUrl, useChannel } from "@/lib/client/channels";
import { useQrDesign, useResetQrDesign, useSaveQrDesign } from "@/lib/client/qr-studio";
import { qrDesignSchema, type QrDesign } from "@/lib/schemas/qr-design";
import type { Channel, QrImageFormat } from "@/lib/schemas/channels";
import styles from "@/components/studio/studio.module.css";

export function StudioView({ channelId }: { channelId: string }) {
  const t = useTranslations("channels.studio");
  const channel = useChannel(channelId);
  const design = useQrDesign(channelId);
  const hrefWithAccount = useHrefWithAccount();
  const back = (
    <Link href={hrefWithAccount("/channels")} className={styles.back}>
      ← {t("back")}
    </Link>
  );
  if (channel.isError || design.isError) {
    return (
      <>
        <PageHeader title={t("title")} eyebrow={back} />
        <Card>
          <ErrorState
            error={channel.error ?? design.error}
            onRetry={() => (channel.isError ? channel.refetch() : design.refetch())}
          />
        </Card>
      </>
    );
  }
  if (!channel.data || !design.data) {
    return (
      <>
        <PageHeader title={t("title")} eyebrow={back} />
        <Card style={{ padding: 24 }}>
          <Skeleton height={360} />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("titleFor", { name: channel.data.name })} description={t("description")} eyebrow={back} />
      <StudioEditor
        key={channel.data.id}
        channel={channel.data}
        saved={design.data.design}
        isSaved={design.data.isSaved}
      />
    </>
  );
}

function StudioEditor({ channel, saved, isSaved }: { channel: Channel; saved: QrDesign; isSaved: boolean }) {
  // Viewers try designs and download them; saving one for the channel is for editors.
  const mayEdit = useMay("editor", channel.accountId);
  const t = useTranslations("channels.studio");
  const [draft, setDraft] = useState<QrDesign>(saved);
  const [applyToGroup, setApplyToGroup] = useState(false);
  const [appliedTo, setAppliedTo] = useState<number | null>(null);
  const save = useSaveQrDesign(channel.id);
  const reset = useResetQrDesign(channel.id);
  const validation = qrDesignSchema.safeParse(draft);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(saved);

  function saveDesign(then?: () => void) {
    if (!validation.success) return;
    save.mutate(
      { design: validation.data, applyToGroup: applyToGroup && channel.group !== null },
      {
        onSuccess: (result) => {
          setAppliedTo(result.appliedTo ?? 1);
          then?.();
        },
      },
    );
  }

  function download(format: QrImageFormat) {
    const go = () => window.location.assign(channelQrImageUrl(channel.id, { format, download: true }));
    // Downloads render the saved design: save the draft first so the file is what the preview shows.
    if (isDirty) saveDesign(go);
    else go();
  }

  return (
    <div className={styles.layout}>
      <Card className={styles.previewCard}>
        <CardBody>
          {channel.qr.url ? (
            <QrPreview
              url={channel.qr.url}
              design={validation.success ? validation.data : saved}
              caption={channel.name}
            />
          ) : (
            <InlineAlert>{t("noUrl")}</InlineAlert>
          )}
          <p className={styles.previewMeta} data-testid="studio-size">
            {t("printSize", { pixels: draft.size, centimetres: ((draft.size / 300) * 2.54).toFixed(1) })}
          </p>
          <div className={styles.downloads}>
            <Button
              variant="primary"
              onClick={() => download("png")}
              disabled={!validation.success || !channel.qr.url}
              data-testid="studio-download-png"
            >
              {t("downloadPng")}
            </Button>
            <Button
              onClick={() => download("svg")}
              disabled={!validation.success || !channel.qr.url}
              data-testid="studio-download-svg"
            >
              {t("downloadSvg")}
            </Button>
          </div>
          <p className={styles.hint}>{t("downloadHint")}</p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("designTitle")} description={isSaved ? t("savedDesign") : t("defaultDesign")} />
        <CardBody>
          <DesignControls
            design={draft}
            onChange={setDraft}
            issues={validation.success ? [] : validation.error.issues}
          />
          <div className={styles.saveRow}>
            {channel.group ? (
              <label className={styles.checkbox}>
                <input
                  type="checkbox"
                  checked={applyToGroup}
                  onChange={(event) => setApplyToGroup(event.target.checked)}
                  data-testid="studio-apply-group"
                />
                {t("applyToGroup", { group: channel.group })}
              </label>
            ) : null}
            {mayEdit ? (
              <div className={styles.saveButtons}>
                <Button
                  variant="ghost"
                  onClick={() => reset.mutate(undefined, { onSuccess: (result) => setDraft(result.design) })}
                  isLoading={reset.isPending}
                  disabled={!isSaved}
                >
                  {t("reset")}
                </Button>
                <Button
                  variant="primary"
                  onClick={() => saveDesign()}
                  isLoading={save.isPending}
                  disabled={!validation.success || (!isDirty && !applyToGroup)}
                  data-testid="studio-save"
                >
                  {t("save")}
                </Button>
              </div>
            ) : null}
          </div>
          {save.isError ? <InlineError error={save.error} /> : null}
          {appliedTo !== null && !isDirty ? (
            <p className={styles.saved} role="status" data-testid="studio-saved">
              {appliedTo > 1 ? t("savedForGroup", { count: appliedTo }) : t("saved")}
            </p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
