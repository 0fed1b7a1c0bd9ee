import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { createSmtpMailer, type TMailer } from "../modules/notifications/mailer.ts";

export interface TReceivedMail {
  to: string[];
  /** Decoded from its MIME encoded words: the Vietnamese the user sees. */
  subject: string;
  /** The plain-text body, decoded. */
  text: string;
}

/** A local SMTP server that keeps what it receives: the e-mail tests' mailbox. */
export interface TSmtpSink {
  url: string;
  messages: TReceivedMail[];
  /** While true, the server refuses every message (a mail server that is down or rejecting). */
  refusing: boolean;
  mailer(publicUrl?: string): TMailer;
  /** Resolves once `count` messages arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<TReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<TSmtpSink> {
  const sink = { messages: [] as TReceivedMail[], refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (sink.refusing) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 }));
        sink.messages.push(
          parseMail(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  return {
    url,
    get messages() {
      return sink.messages;
    },
    get refusing() {
      return sink.refusing;
    },
    set refusing(value: boolean) {
      sink.refusing = value;
    },
    mailer: (publicUrl = "https://chiso.example.vn") =>
      createSmtpMailer({ url, from: '"Chỉ số" <chiso@example.vn>', publicUrl }),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, got ${sink.messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return sink.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMail(raw: string, to: string[]): TReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? "";
  const body = raw.slice(split + 4);
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return { to, subject: decodeWords(header("Subject")), text };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
