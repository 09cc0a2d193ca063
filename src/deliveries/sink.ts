import type { Alert } from '../model/index.js';

/** Where alerts leave the process: the console now, Slack and Discord next. */
export interface Sink {
  /** Channel prefix this sink serves: `console`, `slack`, `discord`. */
  readonly platform: string;
  /** Sends one alert to one channel; throws on failure (a DeliveryError may say when to retry). */
  send(channel: string, alert: Alert): Promise<void>;
}

/** A failed send that knows when the platform wants to hear from us again (HTTP 429 retry_after). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
    /** The platform refused for good (unknown channel, no permission): retrying cannot help. */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The platform part of a channel id: `slack:C123` → `slack`. */
export function platformOf(channel: string): string {
  const colon = channel.indexOf(':');
  return colon === -1 ? channel : channel.slice(0, colon);
}
