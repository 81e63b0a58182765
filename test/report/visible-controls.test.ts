import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../src/report/visible-controls.js';

/** Issue #11, item 16: control characters reach no terminal raw, and break no table row. */
describe('visibleControls', () => {
  it.each([
    ['Tack så mycket!', 'Tack så mycket!'],
    ['web\u001b[2J\u001b[31mRED', 'web␛[2J␛[31mRED'],
    ['line one\nline two', 'line one⏎line two'],
    ['crlf\r\nend', 'crlf⏎end'],
    ['over\rwrite', 'over␍write'],
    ['tab\there', 'tab␉here'],
    ['nul\u0000bell\u0007del\u007f', 'nul␀bell␇del␡'],
    ['c1\u0085next\u009b', 'c1\\u0085next\\u009B'],
    ['rtl \u202eevil\u202c end', 'rtl \\u202Eevil\\u202C end'],
    ['Спасибо 谢谢 Köszönöm 😀', 'Спасибо 谢谢 Köszönöm 😀'],
  ])('%j → %j', (text, shown) => {
    expect(visibleControls(text)).toBe(shown);
  });

  it('keeps the characters it is told to keep', () => {
    expect(visibleControls('[E_COLUMN] x\u001b.csv: bad\n  hint: fix', '\n')).toBe('[E_COLUMN] x␛.csv: bad\n  hint: fix');
  });
});
