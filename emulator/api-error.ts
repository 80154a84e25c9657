/**
 * The error an Apps Script advanced service (Drive, Docs, Classroom) throws when the REST call
 * fails. In Apps Script it is a GoogleJsonResponseException whose message names the API method
 * ("API call to drive.files.get failed with error: File not found: 1abc") and whose `details`
 * carries the HTTP code, which is what product code should branch on.
 */
export class GoogleJsonResponseException extends Error {
  readonly details: { code: number; message: string };

  constructor(apiMethod: string, code: number, message: string) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = { code, message };
  }
}

/** Reads `pageSize`/`pageToken` the way Google list methods do; the token is an opaque offset. */
export function pageOf<T>(apiMethod: string, items: readonly T[], pageSize: unknown, pageToken: unknown, defaultSize: number, maxSize: number): { page: T[]; nextPageToken?: string } {
  const size = Math.min(maxSize, Math.max(1, Number(pageSize) || defaultSize));
  let start = 0;
  if (pageToken !== undefined && pageToken !== null && pageToken !== '') {
    start = decodePageToken(String(pageToken));
    if (start < 0) throw new GoogleJsonResponseException(apiMethod, 400, 'Invalid Value');
  }
  const page = items.slice(start, start + size);
  const next = start + size < items.length ? encodePageToken(start + size) : undefined;
  return next === undefined ? { page } : { page, nextPageToken: next };
}

function encodePageToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodePageToken(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : -1;
}
