// The invitation as mail, in Chinese and English (we do not know the invitee's language yet).
import { sendMail } from "@/lib/mail/send-mail";
import { log } from "@/lib/log";

export async function mailInvite(input: {
  email: string;
  link: string;
  invitedBy: string;
  expiresAt: Date;
}): Promise<boolean> {
  const until = input.expiresAt.toISOString().slice(0, 10);
  try {
    await sendMail({
      to: input.email,
      subject: "邀请你加入渠道 Qudao · You're invited to Qudao",
      text: [
        `${input.invitedBy} 邀请你加入渠道（Qudao）。打开下面的链接，设置密码即可登录（${until} 前有效，仅可使用一次）：`,
        input.link,
        "",
        `${input.invitedBy} invited you to Qudao. Open this link and choose a password to sign in (valid until ${until}, once):`,
        input.link,
      ].join("\n"),
    });
    return true;
  } catch (error) {
    // The invitation stands: the admin still has the link to copy, and is told the mail failed.
    log.warn({ err: error }, "could not mail an invitation");
    return false;
  }
}
