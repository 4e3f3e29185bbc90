import { type CheckpointSummary, toMarkdown } from '../../core/workshop/index.js';
import { PdfDocument, type PdfFont, page, textWidth, wrapText } from './pdfDocument.js';

const body = { size: 10, leading: 14 };
interface HeadingStyle {
  size: number;
  leading: number;
  before: number;
}
const headings: Record<number, HeadingStyle> = {
  1: { size: 18, leading: 24, before: 0 },
  2: { size: 13, leading: 18, before: 10 },
  3: { size: 11, leading: 16, before: 4 },
};
const left = page.margin;
const right = page.width - page.margin;
const bottom = page.height - page.margin;

/** Markdown's escapes and emphasis markers, taken off for print. */
const plain = (text: string) => text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

/** Cells of a Markdown table row (escaped pipes stay in the cell). */
const cellsOf = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => plain(cell.trim()));

/**
 * Column widths within `available`: columns narrower than a fair share keep their natural width, the
 * wide ones share what is left in proportion, so short columns never break inside a word.
 */
function fitColumns(natural: readonly number[], available: number): number[] {
  const fitted = [...natural];
  let open = natural.map((_, index) => index);
  let left = available;
  for (;;) {
    const fair = left / Math.max(1, open.length);
    const narrow = open.filter((index) => (natural[index] ?? 0) <= fair);
    if (narrow.length === 0 || narrow.length === open.length) break;
    for (const index of narrow) left -= natural[index] ?? 0;
    open = open.filter((index) => !narrow.includes(index));
  }
  const wide = open.reduce((sum, index) => sum + (natural[index] ?? 0), 0);
  for (const index of open)
    fitted[index] = wide <= left ? (natural[index] ?? 0) : ((natural[index] ?? 0) * left) / wide;
  return fitted;
}

/**
 * Lays out the Markdown export of a summary as a PDF, so the PDF says exactly what the Markdown says:
 * headings, paragraphs, lists and tables, with page numbers.
 */
export function summaryPdf(summary: CheckpointSummary): Buffer {
  const doc = new PdfDocument();
  let y = page.margin;
  const room = (height: number) => {
    if (y + height <= bottom) return;
    doc.newPage();
    y = page.margin;
  };
  const write = (text: string, font: PdfFont, size: number, leading: number, indent = 0, hanging = '') => {
    const lines = wrapText(text, font, size, right - left - indent - textWidth(hanging, font, size));
    for (const [index, line] of lines.entries()) {
      room(leading);
      y += leading;
      if (index === 0 && hanging !== '') doc.text(left + indent, y, hanging, font, size);
      doc.text(left + indent + textWidth(hanging, font, size), y, line, font, size);
    }
  };
  const table = (rows: string[][]) => {
    const columns = Math.max(...rows.map((row) => row.length));
    const natural = Array.from({ length: columns }, (_, column) =>
      Math.max(
        ...rows.map((row, index) => textWidth(row[column] ?? '', index === 0 ? 'bold' : 'regular', 9) + 12),
      ),
    );
    const columnWidths = fitColumns(natural, right - left);
    for (const [index, row] of rows.entries()) {
      const font: PdfFont = index === 0 ? 'bold' : 'regular';
      const cells = columnWidths.map((width, column) => wrapText(row[column] ?? '', font, 9, width - 12));
      const height = Math.max(...cells.map((lines) => lines.length)) * 12 + 4;
      room(height);
      let x = left;
      for (const [column, lines] of cells.entries()) {
        for (const [number, line] of lines.entries()) doc.text(x, y + 12 * (number + 1), line, font, 9);
        x += columnWidths[column] ?? 0;
      }
      y += height;
      doc.rule(left, left + columnWidths.reduce((sum, width) => sum + width, 0), y - 2);
    }
  };

  const lines = toMarkdown(summary).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading !== null) {
      const style: HeadingStyle = headings[heading[1]?.length ?? 3] ?? { ...body, before: 0 };
      y += style.before;
      room(style.leading * 2);
      write(plain(heading[2] ?? ''), 'bold', style.size, style.leading);
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; (lines[index] ?? '').startsWith('|'); index++) {
        const row = cellsOf(lines[index] ?? '');
        if (!row.every((cell) => /^:?-{3,}:?$/.test(cell))) rows.push(row);
      }
      index -= 1;
      y += 4;
      table(rows);
      continue;
    }
    const item = /^( *)(- |\d+\. )(.*)$/.exec(line);
    if (item !== null) {
      const depth = Math.floor((item[1]?.length ?? 0) / 2);
      const marker = item[2] === '- ' ? '• ' : (item[2] ?? '');
      write(plain(item[3] ?? ''), 'regular', body.size, body.leading, 10 + depth * 14, marker);
      continue;
    }
    if (line.trim() === '') y += 6;
    else write(plain(line), 'regular', body.size, body.leading);
  }

  const pages = doc.pageIndex + 1;
  for (let number = 0; number < pages; number++) {
    const footer = `${summary.squad} · page ${number + 1} of ${pages}`;
    doc.text(right - textWidth(footer, 'regular', 8), page.height - 30, footer, 'regular', 8, number);
  }
  return doc.render(`DevOps Checkpoint: ${summary.squad}`, new Date(summary.date));
}
