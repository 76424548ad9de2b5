import { createHash } from "node:crypto";

import { Resend } from "resend";

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey?: string;
}

export type DeliveryResult = { ok: true; providerId?: string } | { ok: false; error: string };

export interface MailTransport {
  readonly name: "outbox" | "resend";
  /** One result per message, in order. Never throws for a delivery failure. */
  send(messages: OutgoingMessage[]): Promise<DeliveryResult[]>;
}

/** Development and tests: the stored row is the delivery; admins and the outbox page read it. */
export const outboxTransport: MailTransport = {
  name: "outbox",
  send: (messages) => Promise.resolve(messages.map(() => ({ ok: true }) as const)),
};

const RESEND_BATCH_LIMIT = 100;

export interface ResendTransportOptions {
  /**
   * Least time between two requests of this process. Resend allows about 5 requests per second
   * per team; 250 ms (4/s) leaves room for other senders. A digest of 74,000 emails is 740 batch
   * requests, about three minutes.
   */
  minIntervalMs?: number;
  /** How often a request refused with 429 is tried again (after `retry-after`). */
  rateLimitRetries?: number;
  /** Longest wait for one retry, whatever `retry-after` says. */
  maxRetryWaitMs?: number;
  /** Injected by tests. */
  sleep?: (ms: number) => Promise<void>;
}

type ResendError = { name: string; message: string; statusCode?: number | null };
type ResendAnswer<T> = { data: T | null; error: ResendError | null; headers?: Record<string, string> | null };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resend's idempotency key for a batch: a digest of the messages' own keys (at most 256 characters). */
export function batchIdempotencyKey(keys: readonly string[]): string {
  return `batch:${createHash("sha256").update(keys.join("\n")).digest("hex")}`;
}

export function createResendTransport(apiKey: string, baseUrl?: string, options: ResendTransportOptions = {}): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const minInterval = options.minIntervalMs ?? 250;
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryWaitMs ?? 30_000;
  const sleep = options.sleep ?? wait;
  let nextSlot = 0;

  /** Spaces requests of this process at least `minInterval` apart, in the order they ask. */
  async function paced<T>(request: () => Promise<ResendAnswer<T>>): Promise<ResendAnswer<T>> {
    for (let attempt = 0; ; attempt++) {
      const now = Date.now();
      const start = Math.max(now, nextSlot);
      nextSlot = start + minInterval;
      if (start > now) await sleep(start - now);
      const answer = await request();
      const limited = answer.error && (answer.error.statusCode === 429 || answer.error.name === "rate_limit_exceeded");
      if (!limited || attempt >= retries) return answer;
      const header = Number(answer.headers?.["retry-after"]);
      const delay = Number.isFinite(header) && header >= 0 ? header * 1000 : minInterval * 2 ** (attempt + 1);
      // Every request of this process waits with it: the limit is the team's, not this request's.
      nextSlot = Math.max(nextSlot, Date.now() + Math.min(delay, maxWait));
    }
  }

  async function sendOne(message: OutgoingMessage): Promise<DeliveryResult> {
    const { idempotencyKey, ...email } = message;
    try {
      const { data, error } = await paced(() => resend.emails.send(email, idempotencyKey ? { idempotencyKey } : undefined));
      if (error) return { ok: false, error: `${error.name}: ${error.message}` };
      return { ok: true, providerId: data?.id };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  async function sendChunk(chunk: OutgoingMessage[]): Promise<DeliveryResult[]> {
    const keys = chunk.flatMap((m) => (m.idempotencyKey ? [m.idempotencyKey] : []));
    // Resend keys a whole batch; derive one key from all the messages' own keys when all have one.
    const batchKey = keys.length === chunk.length ? batchIdempotencyKey(keys) : undefined;
    try {
      const { data, error } = await paced(() =>
        resend.batch.send(
          chunk.map(({ idempotencyKey: _key, ...email }) => email),
          batchKey ? { idempotencyKey: batchKey } : undefined,
        ),
      );
      if (error) return chunk.map(() => ({ ok: false, error: `${error.name}: ${error.message}` }));
      const ids = data?.data ?? [];
      return chunk.map((_, i) => ({ ok: true, providerId: ids[i]?.id }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return chunk.map(() => ({ ok: false, error: message }));
    }
  }

  return {
    name: "resend",
    async send(messages) {
      if (messages.length === 1) return [await sendOne(messages[0]!)];
      const results: DeliveryResult[] = [];
      for (let i = 0; i < messages.length; i += RESEND_BATCH_LIMIT) {
        results.push(...(await sendChunk(messages.slice(i, i + RESEND_BATCH_LIMIT))));
      }
      return results;
    },
  };
}
