// Outgoing mail through the SMTP server in QUDAO_SMTP_URL (nodemailer). Without one, Qudao sends
// nothing and the pages offer the link to copy instead.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

let transport: { url: string; transporter: Transporter } | null = null;

export function isMailConfigured(): boolean {
  return Boolean(getEnv().QUDAO_SMTP_URL);
}

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  const { QUDAO_SMTP_URL: url, QUDAO_MAIL_FROM: from } = getEnv();
  if (!url) throw new Error("No SMTP server is configured (QUDAO_SMTP_URL)");
  await transporterFor(url).sendMail({ from, ...message });
}
