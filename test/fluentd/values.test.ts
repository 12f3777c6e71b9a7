/** Value conversion as `lib/fluent/config/types.rb` does it (CONFIG-FACTS B4), and what gets reported. */
import { describe, expect, test } from '@jest/globals';
import { type ParamType, checkValue, rubySize, rubyTime, rubyToI } from '../../src/checks/fluentd/values.js';

describe('what fluentd reads (non-strict mode)', () => {
  test.each([
    ['abc', 0],
    ['10s', 10],
    ['  42x', 42],
    ['-7', -7],
    ['1_000', 1000],
  ])('Integer %j -> %i', (v, n) => expect(rubyToI(v)).toBe(n));

  test.each([
    ['1.5m', 300], // B4 verified: the regex finds "5m"
    ['90', 90],
    ['2h', 7200],
    ['1d', 86400],
    ['10S', 10], // case-sensitive units: falls through to to_f
    ['1H', 1],
  ])('time %j -> %i s', (v, n) => expect(rubyTime(v)).toBe(n));

  test.each([
    ['8MB', 8 * 1024 ** 2], // B4: the regex finds "8m"
    ['1.5g', 5 * 1024 ** 3],
    ['256k', 256 * 1024],
    ['1024', 1024],
  ])('size %j -> %i bytes', (v, n) => expect(rubySize(v)).toBe(n));
});

describe('verdicts', () => {
  test.each([
    ['bool', 'true', undefined],
    ['bool', 'yes', undefined],
    ['bool', '', undefined], // a key alone means true
    ['bool', 'True', 'error'], // B4 verified: invalid
    ['bool', '1', 'error'],
    ['bool', '#comment', 'warning'], // read as true
    ['integer', '24224', undefined],
    ['integer', 'abc', 'error'],
    ['integer', '1.5', 'error'],
    ['float', '0.95', undefined],
    ['float', '1e3', undefined],
    ['float', 'x', 'error'],
    ['size', '8m', undefined],
    ['size', '8MB', 'warning'], // read as 8 MiB, as meant
    ['size', '10 MB', 'error'], // the space: types.rb finds no unit and reads 10 bytes
    ['size', '8KiB', 'warning'], // the regex finds "8k": 8 KiB, as meant
    ['size', '1.5g', 'error'],
    ['size', '-1', undefined],
    ['time', '60', undefined],
    ['time', '0.5', undefined],
    ['time', '30s', undefined],
    ['time', '5 seconds', 'warning'],
    ['time', '1.5m', 'error'],
    ['time', '10min', 'warning'],
    ['time', 'soon', 'error'],
    ['hash', 'k1:v1,k2:v2', undefined],
    ['hash', 'k1:v1,k2', 'error'],
    ['string', 'anything', undefined],
  ] as Array<[ParamType, string, string | undefined]>)('%s %j -> %s', (type, value, expected) => {
    expect(checkValue(type, { name: 'p', value, quote: value === '' ? 'empty' : 'none' })?.severity).toBe(expected);
  });

  test('a size that reads as something else says what fluentd reads', () => {
    expect(checkValue('size', { name: 'chunk_limit_size', value: '10 MB', quote: 'none' })?.message).toBe(
      'chunk_limit_size: "10 MB" is read as 10 bytes, not 10 MiB; write 10m (sizes are <number>k|m|g|t, powers of 1024)',
    );
  });

  test("enum: fluentd's own message", () => {
    expect(
      checkValue('enum', { name: '@type', value: 'bogus', quote: 'none', list: ['memory', 'file'] })?.message,
    ).toBe('@type: valid options are memory,file but got bogus');
  });

  test('JSON of the wrong shape for arrays and hashes', () => {
    expect(checkValue('array', { name: 'a', value: '{"k":1}', quote: 'json' })?.severity).toBe('error');
    expect(checkValue('hash', { name: 'h', value: '[1]', quote: 'json' })?.severity).toBe('error');
    expect(checkValue('array', { name: 'a', value: '[1]', quote: 'json' })).toBeUndefined();
  });

  test('messages say what fluentd reads', () => {
    expect(checkValue('time', { name: 'flush_interval', value: '1.5m', quote: 'none' })?.message).toBe(
      'flush_interval: "1.5m" is read as 300 seconds (fluentd takes the digits right before the unit), not 90; write 90',
    );
    expect(checkValue('integer', { name: 'port', value: 'abc', quote: 'none' })?.message).toContain(
      'fluentd reads it as 0',
    );
  });
});
