import { describe, expect, it } from 'vitest';
import { toIsoInstant } from './toIsoInstant.js';

describe('toIsoInstant', () => {
  it.each([
    ['2019-05-15T15:19:25Z', '2019-05-15T15:19:25.000Z'],
    ['2011-12-12T14:27:31+02:00', '2011-12-12T12:27:31.000Z'],
    ['2016-04-14T00:19:23+0200', '2016-04-13T22:19:23.000Z'],
    ['2020-10-02T18:45:22.169Z', '2020-10-02T18:45:22.169Z'],
    ['2016-08-12 15:23:28 UTC', '2016-08-12T15:23:28.000Z'],
    ['2021-04-28 21:50:00 +0200', '2021-04-28T19:50:00.000Z'],
    ['2026-03-02T10:00:00', '2026-03-02T10:00:00.000Z'],
    ['1406662672000', '2014-07-29T19:37:52.000Z'],
  ])('reads %s', (text, iso) => {
    expect(toIsoInstant(text)).toBe(iso);
  });

  it('tells epoch seconds, milliseconds, microseconds and nanoseconds apart by magnitude', () => {
    expect(toIsoInstant(1557933657)).toBe('2019-05-15T15:20:57.000Z');
    expect(toIsoInstant(1420452191104)).toBe('2015-01-05T10:03:11.104Z');
    expect(toIsoInstant(1420452191104123)).toBe('2015-01-05T10:03:11.104Z');
    expect(toIsoInstant(1420452224764002300)).toBe('2015-01-05T10:03:44.764Z');
  });

  it('refuses what is not a time', () => {
    expect(toIsoInstant('yesterday')).toBeUndefined();
    expect(toIsoInstant('2015-04-08T21: 00:25-07:00')).toBeUndefined();
    expect(toIsoInstant('2026-13-45T99:00:00Z')).toBeUndefined();
    expect(toIsoInstant(Number.NaN)).toBeUndefined();
  });
});
