/**
 * Blanks out what carries no language — HTML tags, URLs, e-mail addresses, `[NAME]`-style masks, @handles,
 * order numbers and product codes, identifiers (`fontsize_dec`, `getUserById`, `NullPointerException`),
 * file names and paths, code (`console.log(err)`, `x = y + 1`, SQL) and spreadsheet placeholders (`#N/A`) —
 * replacing each character by a space, so the result has exactly the
 * original's length and offsets into it are offsets into the stored text. HTML entities become the
 * character they stand for, padded with spaces.
 */
export function maskNoise(text: string): string {
  // Each pattern needs a character most feedback lacks: test for it before running the pattern.
  let out = text;
  if (out.includes('&')) out = out.replace(ENTITY, (m, body: string) => pad(decodeEntity(body), m.length));
  if (out.includes('<')) out = out.replace(TAG, blank);
  if (out.includes('@')) out = out.replace(EMAIL, blank).replace(HANDLE, blank);
  if (out.includes('.') || out.includes(':')) out = out.replace(URL, blank);
  if (/[[{*X]/.test(out)) out = out.replace(MASK, blank);
  if (/\d/.test(out)) out = out.replace(CODE, blank);
  if (/[_\\/=$&#([]/.test(out)) out = out.replace(SYMBOLIC, blank);
  if (out.includes('.')) out = out.replace(DOTTED, blank);
  if (/[a-z][A-Z]|[A-Z][a-z]+[A-Z]/.test(out)) out = out.replace(CAMEL, blank);
  if (/SELECT|INSERT|UPDATE|DELETE/.test(out)) out = out.replace(SQL, blank);
  return out;
}

const TAG = /<\/?[a-zA-Z][^<>]{0,200}>|<!--[\s\S]{0,500}?-->/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|se|hu|ru|cn|tw|hk|uk|co|de|eu|app)\b(?:\/[^\s<>"]*)?/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MASK = /\[[A-Z_]{2,20}\]|\{\{[^}]{1,40}\}\}|\*{3,}|X{4,}/g;
const HANDLE = /(?<![\w@])@[\w.]{2,30}/g;
/** ASCII runs with a digit: order numbers (#48213, LH-2025-88412), SKUs (VX-200B), scores (10/10), times. */
const CODE = /[#A-Za-z0-9_\-/.:+]*\d[#A-Za-z0-9_\-/.:+]*/g;

/**
 * Identifiers and code made of ASCII and symbols: snake_case, paths (/var/log, C:\Users, ~/.bashrc), calls
 * and indexing (foo(), arr[i]), assignments (x = y + 1), $variables, brands like S&P, spreadsheet errors.
 */
const SYMBOLIC = new RegExp(
  [
    /\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b/.source,
    /(?<![\w/])(?:[A-Za-z]:\\|~\/|\/)[\w.\-\\/]+/.source,
    /\b[A-Za-z_$][\w$.]*(?:\([^()\s]*\)|\[[^[\]\s]*\])/.source,
    /\b[A-Za-z_]\w*\s*={1,3}\s*[^\s;]+;?/.source,
    /[$%]\w+/.source,
    /\b[A-Z]+&[A-Z]+\b/.source,
    /#?\bN\/A\b|#(?:VALUE|REF|NAME|NUM|NULL|DIV\/0)[!?]/.source,
  ].join('|'),
  'g',
);
/** Dotted names: java.lang.Error, a text that is one dotted name (this.state), file names (kvitto.pdf). */
const DOTTED = /\b[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*){2,}|^\s*[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)+\s*$|\b[\w-]+\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|json|ya?ml|xml|html?|js|ts|py|md|png|jpe?g|gif|tiff?|heic|zip|exe|log|ini|cfg|conf|sql|sh|bat|mp[34]|mov)\b/g;
/** camelCase and PascalCase with two humps: identifiers and brand names (getUserById, HttpClient, PayPal). */
const CAMEL = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
/** An SQL statement, keywords in capitals. */
const SQL = /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[^;\n]{0,200}?\b(?:FROM|INTO|SET|WHERE)\b(?:\s+[\w.]+)?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) return safeChar(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return safeChar(parseInt(body.slice(1), 10));
  return NAMED[body.toLowerCase()] ?? ' ';
}

function safeChar(code: number): string {
  // Characters outside the BMP take two UTF-16 units; the entity is always longer, so padding still works.
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

function blank(match: string): string {
  return ' '.repeat(match.length);
}

function pad(value: string, length: number): string {
  return value.length <= length ? value + ' '.repeat(length - value.length) : ' '.repeat(length);
}
