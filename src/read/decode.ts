/**
 * Bytes to text. Articles arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or legacy
 * single-byte pages (windows-1251 for Cyrillic, windows-1252 for Western European) that either
 * declare their charset in HTML or must be recognised from their bytes. Decoding is the only
 * change ever made to what a user gives us; everything after works on the decoded string.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** How the encoding was chosen, for the message shown to the user. */
  how: 'bom' | 'valid-utf8' | 'declared' | 'detected' | 'utf8-with-errors';
  /** Count of byte sequences that were not valid in the chosen encoding (replaced by U+FFFD). */
  invalidSequences: number;
}

const SUPPORTED_LEGACY: Record<string, 'utf-8' | 'windows-1251' | 'windows-1252'> = {
  'windows-1251': 'windows-1251',
  'cp1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'cp1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'latin-1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'utf-8': 'utf-8',
  'utf8': 'utf-8',
};

/**
 * Node 20's TextDecoder reads windows-1252 as ISO-8859-1, losing the curly quotes and dashes that
 * 0x80-0x9F hold in real Western pages, so those 27 code points are mapped here.
 */
const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: '\u20ac', 0x82: '\u201a', 0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017d', 0x91: '\u2018',
  0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02dc',
  0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a', 0x9c: '\u0153', 0x9e: '\u017e', 0x9f: '\u0178',
};

function decodeLegacy(bytes: Uint8Array, encoding: 'windows-1251' | 'windows-1252'): string {
  if (encoding === 'windows-1251') return new TextDecoder('windows-1251').decode(bytes);
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0)] ?? char);
  }
  return text;
}

/** True when the bytes look like a binary file (image, archive, executable), not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control += 1;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** The charset an HTML page declares in its first kilobytes, if we support it. */
export function declaredCharset(bytes: Uint8Array): 'utf-8' | 'windows-1251' | 'windows-1252' | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!match) return null;
  return SUPPORTED_LEGACY[match[1]!.toLowerCase()] ?? null;
}

export function decode(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', how: 'bom', invalidSequences: countInvalidUtf8(bytes.subarray(3)) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', how: 'bom', invalidSequences: 0 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', how: 'bom', invalidSequences: 0 };
  }

  const invalid = countInvalidUtf8(bytes);
  if (invalid === 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'valid-utf8', invalidSequences: 0 };

  const declared = options.html ? declaredCharset(bytes) : null;
  if (declared && declared !== 'utf-8') {
    return { text: decodeLegacy(bytes, declared), encoding: declared, how: 'declared', invalidSequences: 0 };
  }

  // Mostly valid UTF-8 with a few broken sequences is a damaged UTF-8 file, not a legacy one.
  const validMultibyte = countValidUtf8Multibyte(bytes);
  if (declared === 'utf-8' || validMultibyte > invalid) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', how: 'utf8-with-errors', invalidSequences: invalid };
  }
  const legacy = guessLegacy(bytes);
  return { text: decodeLegacy(bytes, legacy), encoding: legacy, how: 'detected', invalidSequences: 0 };
}

/**
 * Cyrillic text in windows-1251 is mostly bytes 0xC0-0xFF (the letters) in runs between ASCII
 * spaces; Western text in windows-1252 has isolated high bytes among ASCII letters.
 */
function guessLegacy(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  let high = 0;
  let runs = 0;
  let previousLetter = false;
  for (const byte of bytes) {
    const isCyrillicLetter = byte >= 0xc0;
    if (byte >= 0x80) high += 1;
    if (isCyrillicLetter && previousLetter) runs += 1;
    previousLetter = isCyrillicLetter;
  }
  return high > 0 && runs > high * 0.3 ? 'windows-1251' : 'windows-1252';
}

function countInvalidUtf8(bytes: Uint8Array): number {
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index);
    if (length === 0) {
      invalid += 1;
      index += 1;
    } else {
      index += length;
    }
  }
  return invalid;
}

function countValidUtf8Multibyte(bytes: Uint8Array): number {
  let valid = 0;
  let index = 0;
  while (index < bytes.length) {
    const length = utf8SequenceLength(bytes, index);
    if (length > 1) valid += 1;
    index += Math.max(length, 1);
  }
  return valid;
}

/** Length of the valid UTF-8 sequence starting at `index`, or 0 when it is not valid. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const first = bytes[index]!;
  if (first < 0x80) return 1;
  let length: number;
  let min: number;
  if (first >= 0xc2 && first <= 0xdf) [length, min] = [2, 0x80];
  else if (first >= 0xe0 && first <= 0xef) [length, min] = [3, 0x800];
  else if (first >= 0xf0 && first <= 0xf4) [length, min] = [4, 0x10000];
  else return 0;
  if (index + length > bytes.length) return 0;
  let codePoint = first & (0xff >> (length + 1));
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[index + offset]!;
    if ((next & 0xc0) !== 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return 0;
  return length;
}
