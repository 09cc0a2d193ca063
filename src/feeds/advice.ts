/** What an operator should do about a failed poll, by error code: the second half of every message. */
import { FeedErrorCode } from './codes.js';

export function advice(code: string, status: number | null): string {
  switch (code) {
    case FeedErrorCode.Timeout:
      return 'The site is slow or down; it will be retried with backoff. If this persists, open the URL in a browser.';
    case FeedErrorCode.Connect:
      return 'Check the host name and that the site is up; it will be retried with backoff.';
    case FeedErrorCode.Http:
      if (status === 404 || status === 410) return 'The feed may have moved: check the feed URL.';
      if (status === 401 || status === 403) return 'The site refuses us: it may need a login or block unknown fetchers; check the URL and fetch.userAgent.';
      if (status !== null && status >= 500) return 'The site has a server error; it will be retried with backoff.';
      return 'Check the feed URL.';
    case FeedErrorCode.RateLimited:
      return 'The site asks us to slow down; we wait at least as long as it asks. Consider a larger intervalMinutes.';
    case FeedErrorCode.TooLarge:
      return 'Check that the URL is a feed, or raise fetch.maxBodyBytes.';
    case FeedErrorCode.Redirects:
      return 'Check the feed URL; configure the final address directly.';
    case FeedErrorCode.AddressRefused:
      return 'Check the feed URL; a feed that really is on an internal network needs its range in fetch.allowAddresses.';
    case FeedErrorCode.Charset:
      return 'The feed declares an encoding we cannot decode; tell the publisher or use another feed URL.';
    case FeedErrorCode.File:
      return 'Check the path and its permissions.';
    case FeedErrorCode.Url:
      return 'Fix the url in the configuration: an http(s):// URL or a path inside the project.';
    case FeedErrorCode.Parse:
      return 'The feed is not well-formed XML; it will be retried. Tell the publisher if this persists.';
    case FeedErrorCode.UnsafeXml:
      return 'Nothing from this response was read. If the publisher is genuine, tell them; otherwise remove the feed.';
    case FeedErrorCode.NotAFeed:
      return '';
    default:
      return 'This is a bug in statements; please report it with this message.';
  }
}
