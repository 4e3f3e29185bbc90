import { describe, expect, it } from 'vitest';
import { playSampleCheckpoint, summarise } from '../../core/workshop/index.js';
import { encodeWinAnsi, textWidth, wrapText } from './pdfDocument.js';
import { summaryPdf } from './summaryPdf.js';

describe('the summary as a PDF', () => {
  const file = summaryPdf(summarise(playSampleCheckpoint().state));
  const text = file.toString('latin1');

  it('is a well-formed PDF: every object where the cross-reference table says, streams as long as declared', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const table = /^xref\n0 (\d+)\n([\s\S]*?)trailer/m.exec(text.slice(startxref));
    const entries = table?.[2]?.match(/.{20}/gs) ?? [];
    expect(entries).toHaveLength(Number(table?.[1]));
    entries.slice(1).forEach((entry, index) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + 20)).toMatch(new RegExp(`^${index + 1} 0 obj\\n`));
    });
    for (const stream of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = (stream.index ?? 0) + stream[0].length;
      expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10)).toBe('\nendstream');
    }
    expect(text).toMatch(/\/Count 2 >>/);
  });

  it('says what the Markdown says, in Helvetica', () => {
    for (const shown of [
      '(DevOps Checkpoint: Payments \\(Money\\))',
      '(Script the deployment in the pipeline)',
      '(Anonymous votes)',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    expect(text).toContain('(Payments \xb7 page 2 of 2)');
    expect(text).not.toContain('**');
  });

  it('wraps text at the width of the page and shows what the fonts lack as ?', () => {
    expect(encodeWinAnsi('Fay’s café – 5 € ✓')).toBe('Fay\x92s caf\xe9 \x96 5 \x80 ?');
    expect(textWidth('Hello', 'regular', 10)).toBeCloseTo(22.78);
    const lines = wrapText('one two three four five six seven', 'regular', 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 'regular', 10)).toBeLessThanOrEqual(60.01);
    expect(lines.join(' ')).toBe('one two three four five six seven');
  });
});
