"use client";
// Fault injection: make the next calls of an emulator API fail with an errcode or answer late,
// or delay or drop pushes; the active faults are listed with what is left of them.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SegmentedControl, SelectField, TextField } from "@/components/ui/field";
import { useAddSandboxFault, useClearSandboxFaults, useSandboxFaults } from "@/lib/client/sandbox-console";
import type { SandboxFault, SandboxFaultApi, SandboxFaultCreateInput } from "@/lib/schemas/sandbox";
import styles from "@/components/sandbox/sandbox.module.css";

// Message keys cannot contain "/" or "*": each API has a key of its own.
const apiOptions: [SandboxFaultApi, string][] = [
  ["*", "any"],
  ["stable_token", "stableToken"],
  ["token", "token"],
  ["qrcode/create", "qrcodeCreate"],
  ["tags/create", "tagsCreate"],
  ["tags/get", "tagsGet"],
  ["tags/members/batchtagging", "tagsBatchtagging"],
  ["push", "push"],
];
const errcodeOptions: [number, string][] = [
  [-1, "busy"],
  [45009, "dailyQuota"],
  [45011, "minuteQuota"],
  [40001, "tokenInvalid"],
  [48001, "notAllowed"],
  [45029, "permanentQuota"],
  [45159, "tagUnknown"],
  [45056, "tooManyTags"],
  [45059, "followerTagLimit"],
  [40164, "ipWhitelist"],
];
type Effect = "error" | "latency" | "delay" | "drop";

export function FaultPanel({ accountId }: { accountId: string }) {
  const t = useTranslations("sandboxConsole.faults");
  const faults = useSandboxFaults(accountId);
  const clear = useClearSandboxFaults();
  const items = faults.data?.items ?? [];
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          items.length > 0 ? (
            <Button
              size="small"
              variant="ghost"
              isLoading={clear.isPending && clear.variables?.id === undefined}
              onClick={() => clear.mutate({ accountId })}
              data-testid="fault-clear"
            >
              {t("clearAll")}
            </Button>
          ) : null
        }
      />
      <CardBody>
        <FaultForm accountId={accountId} />
        {faults.isError ? (
          <ErrorState error={faults.error} onRetry={() => faults.refetch()} />
        ) : items.length === 0 ? (
          <p className={styles.empty} data-testid="faults-empty">
            {t("empty")}
          </p>
        ) : (
          <ul className={styles.faults} aria-label={t("title")}>
            {items.map((fault) => (
              <li key={fault.id} className={styles.fault} data-testid="fault">
                <FaultText fault={fault} />
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={t("remove", { id: fault.id })}
                  onClick={() => clear.mutate({ accountId, id: fault.id })}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        {clear.isError ? <InlineError error={clear.error} /> : null}
      </CardBody>
    </Card>
  );
}

function FaultText({ fault }: { fault: SandboxFault }) {
  const t = useTranslations("sandboxConsole.faults");
  const apiKey = apiOptions.find(([api]) => api === fault.api)?.[1] ?? "any";
  const effects = [
    fault.errcode !== null ? t("answers", { errcode: fault.errcode }) : null,
    fault.latencyMs > 0 ? t("late", { ms: fault.latencyMs }) : null,
    fault.dropPush ? t("drops") : null,
  ].filter(Boolean);
  return (
    <span className={styles.faultText}>
      <strong>{t(`apis.${apiKey}`)}</strong>
      <span>
        {effects.join(", ")} · {t("remaining", { count: fault.remaining })}
      </span>
    </span>
  );
}

function FaultForm({ accountId }: { accountId: string }) {
  const t = useTranslations("sandboxConsole.faults");
  const add = useAddSandboxFault();
  const [api, setApi] = useState<SandboxFaultApi>("*");
  const [effect, setEffect] = useState<Effect>("error");
  const [errcode, setErrcode] = useState(-1);
  const [latencyMs, setLatencyMs] = useState("2000");
  const [count, setCount] = useState("1");
  const isPush = api === "push";
  const effects: Effect[] = isPush ? ["delay", "drop"] : ["error", "latency"];
  const currentEffect = effects.includes(effect) ? effect : effects[0]!;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: SandboxFaultCreateInput = { accountId, api, count: Number(count) };
    if (currentEffect === "error") input.errcode = errcode;
    else if (currentEffect === "drop") input.dropPush = true;
    else input.latencyMs = Number(latencyMs);
    add.mutate(input);
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <SelectField
        label={t("api")}
        value={api}
        onChange={(event) => setApi(event.target.value as SandboxFaultApi)}
        data-testid="fault-api"
      >
        {apiOptions.map(([value, key]) => (
          <option key={value} value={value}>
            {t(`apis.${key}`)}
          </option>
        ))}
      </SelectField>
      <SegmentedControl
        label={t("effect")}
        value={currentEffect}
        options={effects.map((value) => ({ value, label: t(`effects.${value}`) }))}
        onChange={setEffect}
      />
      <div className={styles.formRow}>
        {currentEffect === "error" ? (
          <SelectField
            label={t("errcode")}
            value={String(errcode)}
            onChange={(event) => setErrcode(Number(event.target.value))}
          >
            {errcodeOptions.map(([code, key]) => (
              <option key={code} value={code}>
                {t(`errcodes.${key}`)}
              </option>
            ))}
          </SelectField>
        ) : currentEffect === "drop" ? (
          <span />
        ) : (
          <TextField
            label={t("latency")}
            type="number"
            min={1}
            max={30000}
            step={100}
            value={latencyMs}
            onChange={(event) => setLatencyMs(event.target.value)}
          />
        )}
        <TextField
          label={t("count")}
          type="number"
          min={1}
          max={1000}
          value={count}
          onChange={(event) => setCount(event.target.value)}
        />
      </div>
      {add.isError ? <InlineError error={add.error} /> : null}
      <div className={styles.formActions}>
        <Button type="submit" variant="primary" size="small" isLoading={add.isPending} data-testid="fault-add">
          {t("add")}
        </Button>
      </div>
    </form>
  );
}
