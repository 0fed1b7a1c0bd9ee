import nodemailer from "nodemailer";

export interface TMailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; the whole server sees mail only through this (tests pass one aimed at an in-test SMTP sink). */
export interface TMailer {
  /** Base of links in e-mails ("https://chiso.khanhhoa.gov.vn"), without a trailing slash. */
  publicUrl: string;
  send(message: TMailMessage): Promise<void>;
  close(): void;
}

export interface TSmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  from: string;
  publicUrl: string;
}

/**
 * SMTP through nodemailer. Timeouts are short: a mail server that hangs must not hold the delivery loop for
 * minutes (nodemailer's defaults), and an undelivered notice is retried on the next run anyway.
 */
export function createSmtpMailer(options: TSmtpOptions): TMailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
    close: () => transport.close(),
  };
}

/** The mailer the environment asks for, or null (no SMTP_URL): notifications then stay in the app. */
export function mailerFromEnv(env: { SMTP_URL?: string; MAIL_FROM: string; PUBLIC_URL: string }): TMailer | null {
  return env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL }) : null;
}
