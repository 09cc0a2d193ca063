/**
 * Stable error codes of the feeds stage: persisted in FeedState.lastErrorCode and matched on by
 * the CLI and chat, so never rename one.
 */
export const FeedErrorCode = {
  /** No complete answer within the total time-out. */
  Timeout: 'FEED_TIMEOUT',
  /** DNS, refused, reset, TLS, or no connection within the connect time-out. */
  Connect: 'FEED_CONNECT',
  /** An HTTP status we cannot use (4xx, 5xx, a redirect without Location). */
  Http: 'FEED_HTTP',
  /** 429, or 503 with Retry-After: the publisher asks us to slow down. */
  RateLimited: 'FEED_RATE_LIMITED',
  TooLarge: 'FEED_TOO_LARGE',
  /** Too many redirects, a loop, or a redirect to a scheme we do not follow. */
  Redirects: 'FEED_REDIRECTS',
  Charset: 'FEED_CHARSET',
  File: 'FEED_FILE',
  /**
   * The host is, or resolves to, a loopback, private, link-local, metadata or other non-public
   * address that fetch.allowAddresses does not allow; refused before any connection is made.
   */
  AddressRefused: 'FEED_ADDRESS_REFUSED',
  /** The configured URL is not an absolute http(s): or file: URL. */
  Url: 'FEED_URL',
  NotAFeed: 'FEED_NOT_A_FEED',
  Parse: 'FEED_PARSE',
  /** XML that declares entities (billion laughs, XXE): refused before any parser sees it. */
  UnsafeXml: 'FEED_UNSAFE_XML',
  /** A bug: something threw that should have been an outcome. */
  Internal: 'FEED_INTERNAL',
} as const;

export type FeedErrorCode = (typeof FeedErrorCode)[keyof typeof FeedErrorCode];

/** The module name StatementsError carries for this stage. */
export const MODULE = 'feeds';
