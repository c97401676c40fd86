"use client";
// A temporary password field with a "Generate" button: twelve letters and digits from the
// browser's random source, without look-alikes (0/O, 1/l/I), so it can be read out.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { minPasswordLength } from "@/lib/client/team";
import styles from "@/components/team/team.module.css";

const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generateTemporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

export function TemporaryPasswordField({
  value,
  onChange,
  isTooShort,
}: {
  value: string;
  onChange: (value: string) => void;
  isTooShort: boolean;
}) {
  const t = useTranslations("team");
  return (
    <div className={styles.form} style={{ gap: 6 }}>
      <TextField
        label={t("people.temporaryPassword")}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={isTooShort ? t("password.tooShort", { min: minPasswordLength }) : undefined}
        hint={t("people.temporaryPasswordHint")}
        autoComplete="off"
        spellCheck={false}
        data-testid="temporary-password"
      />
      <Button size="small" className={styles.inlineButton} onClick={() => onChange(generateTemporaryPassword())}>
        {t("people.generate")}
      </Button>
    </div>
  );
}
