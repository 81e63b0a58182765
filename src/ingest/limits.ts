/**
 * The longest row (one CSV record, one JSON line or array element) read as a response, in characters.
 * Real verbatims run to a few thousand characters and pasted e-mail threads to tens of thousands; a row
 * past 1 Mi characters is a log or a document pasted by mistake, or an unclosed quote swallowing the rest of
 * the file. Capping it keeps memory flat whatever the file holds: such a row is a reject, the rest is read.
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** How much of a rejected row `rejects.raw` keeps: enough to recognise it, never megabytes. */
export const MAX_RAW_CHARS = 1000;

/** A row's text as stored in `rejects.raw`, cut to MAX_RAW_CHARS. */
export function rawPreview(text: string): string {
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
}
