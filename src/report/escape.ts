/**
 * Everything a report shows from an analysis (article text, titles, outlets, names, file names,
 * messages) is untrusted: it reaches HTML, Markdown or XML (the GraphML export) only through one of
 * these functions.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * One line of Markdown that a viewer (GitHub, VS Code, pandoc) shows as the data and nothing else.
 * Line breaks become spaces, since a table row or a list item is one line. `&`, `<` and `>` become
 * entities: no raw HTML, no autolink, no blockquote, and an entity in the data shows as written.
 * Every other character that can open Markdown syntax is backslash-escaped: links and images
 * (`[`), emphasis, code, headings, table cells, strikethrough, GitHub mentions (`@`) and pandoc's
 * math, attributes, superscript and citations. Text that opens a list item could still start a
 * nested list, so a leading `-`, `+`, `:` or `1.` is escaped too. Parentheses and `!` need no
 * escape once `[` has one.
 *
 * @example
 * escapeMarkdown('[x](javascript:alert(1)) <b>') // '\\[x\\](javascript:alert(1)) &lt;b&gt;'
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]{}#|~^$@]/g, '\\$&')
    .replace(/[&<>]/g, (char) => ENTITIES[char]!)
    .replace(/^[-+:]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Text for an XML 1.0 document: escaped as for HTML, and the characters XML forbids even as
 * references (control characters, lone surrogates, U+FFFE and U+FFFF) become U+FFFD, since one of
 * them in a name would make the whole file unreadable to an XML parser.
 *
 * @example
 * escapeXml('A & B\u0001') // 'A &amp; B\uFFFD'
 */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
