/**
 * Columns of numbers as bytes, for what is kept between starts: a header of 32-bit counts, then each
 * column whole, one after another, all little-endian. Reading copies bytes instead of parsing text.
 */
export type Column = Float64Array | Int32Array | Uint8Array;

const platformIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a header of `count` numbers. */
export const headerBytes = (count: number): number => 4 * count;

/** The bytes `packColumns` writes for a header of `count` numbers and these columns. */
export function packedBytes(count: number, columns: readonly Column[]): number {
  return columns.reduce((sum, column) => sum + column.byteLength, headerBytes(count));
}

export function packColumns(header: readonly number[], columns: readonly Column[]): Uint8Array {
  const bytes = new Uint8Array(packedBytes(header.length, columns));
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < header.length; i++) view.setUint32(4 * i, header[i] as number, true);
  let at = headerBytes(header.length);
  for (const column of columns) {
    const size = column.BYTES_PER_ELEMENT;
    if (platformIsLittleEndian || size === 1) {
      bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), at);
    } else {
      for (let i = 0; i < column.length; i++) {
        if (column instanceof Float64Array) view.setFloat64(at + i * size, column[i] as number, true);
        else view.setInt32(at + i * size, column[i] as number, true);
      }
    }
    at += column.byteLength;
  }
  return bytes;
}

/** The header `packColumns` wrote; the caller has checked that `bytes` holds one of `count` numbers. */
export function unpackHeader(bytes: Uint8Array, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerBytes(count));
  return Array.from({ length: count }, (_, i) => view.getUint32(4 * i, true));
}

/**
 * Fills `columns`, sized from the header, with what `packColumns` wrote after it; the caller has checked
 * that `bytes` holds exactly `packedBytes(count, columns)`.
 */
export function unpackColumns(bytes: Uint8Array, count: number, columns: readonly Column[]): void {
  let at = headerBytes(count);
  for (const column of columns) {
    const size = column.BYTES_PER_ELEMENT;
    if (platformIsLittleEndian || size === 1) {
      new Uint8Array(column.buffer, column.byteOffset, column.byteLength).set(
        bytes.subarray(at, at + column.byteLength),
      );
    } else {
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, column.byteLength);
      for (let i = 0; i < column.length; i++) {
        column[i] =
          column instanceof Float64Array ? view.getFloat64(i * size, true) : view.getInt32(i * size, true);
      }
    }
    at += column.byteLength;
  }
}
