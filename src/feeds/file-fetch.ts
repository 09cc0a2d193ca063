/**
 * file: URLs, for the bundled sample feed (no network in the demo). The file's size and mtime play
 * the role of ETag and Last-Modified, so an unchanged file polls as not-modified, like a good server.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { decodeBody } from './charset.js';
import { FeedErrorCode } from './codes.js';
import { type FetchOptions, type FetchResult, fetchError } from './result.js';

export async function fetchFile(url: URL, options: FetchOptions, maxBodyBytes: number): Promise<FetchResult> {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch (err) {
    return fetchError(FeedErrorCode.Url, `${url.href} is not a local file URL: ${(err as Error).message}`);
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) return fetchError(FeedErrorCode.File, `${path} is not a file`);
    const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
    const lastModified = info.mtime.toUTCString();
    const unchanged = options.etag != null ? options.etag === etag : options.lastModified === lastModified;
    if (unchanged) return { kind: 'not-modified', etag, lastModified, maxAgeSeconds: null };
    if (info.size > maxBodyBytes) return fetchError(FeedErrorCode.TooLarge, `${path} is larger than ${maxBodyBytes} bytes`);
    const decoded = decodeBody(await readFile(path), undefined);
    if (!decoded.ok) return fetchError(FeedErrorCode.Charset, `${decoded.message} in ${path}`);
    return { kind: 'ok', body: decoded.text, status: 200, finalUrl: url.href, etag, lastModified, maxAgeSeconds: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return fetchError(FeedErrorCode.File, `cannot read ${path}: ${reason}`);
  }
}
