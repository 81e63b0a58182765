import { describe, expect, it } from 'vitest';
import { displayWidth, grid, truncate, wrap } from '../../src/report/text-layout.js';

describe('text layout for terminals', () => {
  it.each([
    ['frustration', 11],
    ['Väldigt besviken', 16],
    ['太慢了，失望', 12],
    ['😡 angry', 8],
  ])('displayWidth(%j) = %d', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('wraps at the width, indenting continuation lines', () => {
    expect(wrap('one two three four five six', 12, '• ', '  ')).toEqual(['• one two', '  three four', '  five six']);
  });

  it('cuts long cells with an ellipsis, counting wide characters twice', () => {
    expect(truncate('Delivery & returns team', 10)).toBe('Delivery…');
    expect(truncate('客服一直踢皮球', 7)).toBe('客服一…');
    expect(truncate('app', 10)).toBe('app');
  });

  it('aligns a grid by display width: first column left, the rest right', () => {
    expect(grid(['lang', 'n'], [['Chinese', '12'], ['中文', '3']])).toBe(['lang      n', '───────  ──', 'Chinese  12', '中文      3'].join('\n'));
  });
});
