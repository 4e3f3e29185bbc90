/**
 * A small PDF 1.4 writer for text documents: A4 pages, the standard Helvetica fonts (every reader has
 * them, so nothing is embedded), WinAnsi text, lines and word wrapping. Enough for a checkpoint
 * summary without a PDF library.
 */

/** The two fonts a document uses. */
export type PdfFont = 'regular' | 'bold';

/** A4 in points, and the margins. */
export const page = { width: 595.28, height: 841.89, margin: 56 } as const;

// Advance widths (1/1000 em) of the characters 32–126 in Helvetica and Helvetica-Bold, from their
// published font metrics; they are also written into the file, so that a reader substituting another
// font scales it to these widths and the lines wrap where they were laid out.
const widths: Record<PdfFont, readonly number[]> = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
    500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
    556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
    556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
    333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
};

/** Widths of the WinAnsi characters above 126 that summaries use; others take a digit's width. */
const upperWidths: Record<PdfFont, Readonly<Record<number, number>>> = {
  regular: { 133: 1000, 145: 222, 146: 222, 147: 333, 148: 333, 149: 350, 150: 556, 151: 1000, 183: 278 },
  bold: { 133: 1000, 145: 278, 146: 278, 147: 500, 148: 500, 149: 350, 150: 556, 151: 1000, 183: 278 },
};

/** The width of one WinAnsi byte. */
const widthOf = (font: PdfFont, code: number): number =>
  code >= 32 && code <= 126 ? (widths[font][code - 32] ?? 556) : (upperWidths[font][code] ?? 556);

/** Characters WinAnsi places outside Latin-1. */
const winAnsi: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '™': 0x99,
};

/** The text as WinAnsi bytes in a binary string; what the fonts cannot show becomes `?`. */
export function encodeWinAnsi(text: string): string {
  let bytes = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    const mapped = winAnsi[char];
    if (mapped !== undefined) bytes += String.fromCharCode(mapped);
    else bytes += (code >= 32 && code <= 126) || (code >= 160 && code <= 255) ? char : '?';
  }
  return bytes;
}

/** The width of a text in points. */
export function textWidth(text: string, font: PdfFont, size: number): number {
  let total = 0;
  for (const byte of encodeWinAnsi(text)) total += widthOf(font, byte.charCodeAt(0));
  return (total * size) / 1000;
}

/** Breaks a text into lines no wider than `width`; a word longer than a line is cut. */
export function wrapText(text: string, font: PdfFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((entry) => entry.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    // A hair of tolerance: a column laid out at a text's exact width must still hold it.
    if (textWidth(candidate, font, size) <= width + 0.01) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (textWidth(rest, font, size) > width + 0.01 && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), font, size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const escapeString = (bytes: string) => bytes.replace(/[\\()]/g, (char) => `\\${char}`);
const number = (value: number) => (Math.round(value * 100) / 100).toString();

/** A document being laid out: text and rules placed on pages, from the top down. */
export class PdfDocument {
  private readonly pages: string[][] = [[]];

  /** The page being written, from 0. */
  get pageIndex(): number {
    return this.pages.length - 1;
  }

  newPage(): void {
    this.pages.push([]);
  }

  /** Writes a line of text with its baseline `y` points below the top of the page. */
  text(x: number, y: number, text: string, font: PdfFont, size: number, onPage = this.pageIndex): void {
    const name = font === 'bold' ? 'F2' : 'F1';
    const at = `${number(x)} ${number(page.height - y)}`;
    this.pages[onPage]?.push(
      `BT /${name} ${number(size)} Tf ${at} Td (${escapeString(encodeWinAnsi(text))}) Tj ET`,
    );
  }

  /** A thin horizontal rule `y` points below the top of the page. */
  rule(x1: number, x2: number, y: number): void {
    const at = number(page.height - y);
    this.pages[this.pageIndex]?.push(`0.5 w 0.6 G ${number(x1)} ${at} m ${number(x2)} ${at} l S 0 G`);
  }

  /** The finished file, with `title` in its properties and `created` as its date. */
  render(title: string, created: Date): Buffer {
    const objects: string[] = [];
    const add = (body: string) => objects.push(body);
    add('<< /Type /Catalog /Pages 2 0 R >>');
    const kids = this.pages.map((_, index) => `${5 + index * 2} 0 R`).join(' ');
    add(`<< /Type /Pages /Kids [${kids}] /Count ${this.pages.length} >>`);
    for (const [font, name] of [
      ['regular', 'Helvetica'],
      ['bold', 'Helvetica-Bold'],
    ] as const) {
      const all = Array.from({ length: 224 }, (_, index) => widthOf(font, index + 32)).join(' ');
      add(
        `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding ` +
          `/FirstChar 32 /LastChar 255 /Widths [${all}] >>`,
      );
    }
    for (const [index, operations] of this.pages.entries()) {
      const content = operations.join('\n');
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + index * 2} 0 R >>`,
      );
      add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    }
    const stamp = created.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    add(
      `<< /Title (${escapeString(encodeWinAnsi(title))}) /Producer (DevOps Checkpoint) /CreationDate (D:${stamp}Z) >>`,
    );
    // Offsets are in bytes; every character of this string is one byte (WinAnsi), written as latin1.
    let file = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    for (const [index, body] of objects.entries()) {
      offsets.push(file.length);
      file += `${index + 1} 0 obj\n${body}\nendobj\n`;
    }
    const xref = file.length;
    file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
    file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n`;
    file += `startxref\n${xref}\n%%EOF\n`;
    return Buffer.from(file, 'latin1');
  }
}
