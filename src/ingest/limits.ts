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

/**
 * The most columns a file may have. Excel stops at 16,384 and the widest survey exports (Qualtrics with
 * loops and embedded data) reach a few tens of thousands; a header wider than this is a data file read with
 * the wrong delimiter, or hostile. Each row of a wide file is split into this many fields, so the cap also
 * bounds the work per row.
 */
export const MAX_COLUMNS = 100_000;

/**
 * Characters of input per batch, besides the row count (--batch-size): 1,000 rows of 900,000 characters
 * would otherwise be held at once, and a few batches are in flight. At 1 Mi characters a batch of long
 * comments stays a few megabytes, while ordinary rows (a few hundred characters) still fill 1,000-row batches.
 */
export const MAX_BATCH_CHARS = 1024 * 1024;

/**
 * The deepest nesting of arrays and objects read in a JSON row. Survey and help-desk exports nest a handful
 * of levels; thousands of levels are hostile, and walking them (flattening, writing a field back as JSON)
 * would overflow the stack. Such a row is an R_JSON reject, whatever field the nesting is in.
 */
export const MAX_JSON_DEPTH = 100;
