import { describe, expect, it } from 'vitest';
import { md } from '../../src/report/render-markdown.js';

describe('md: escapes only what Markdown would act on', () => {
  it.each([
    ['Thank you so much!', 'Thank you so much!'],
    ['Fixed (finally) — 10/10', 'Fixed (finally) — 10/10'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['_emphasis_ attempt', '\\_emphasis\\_ attempt'],
    ['**bold** and *it*', '\\*\\*bold\\*\\* and \\*it\\*'],
    ['[link](javascript:x) ![img](x)', '\\[link\\](javascript:x) !\\[img\\](x)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['a | b in a table', 'a \\| b in a table'],
    ['`code` ~~strike~~', '\\`code\\` \\~\\~strike\\~\\~'],
    ['Tom & Jerry, &amp; &#39;', 'Tom & Jerry, \\&amp; \\&#39;'],
    ['back\\slash', 'back\\\\slash'],
    ['Пришлось звонить три раза! 不太满意，失望', 'Пришлось звонить три раза! 不太满意，失望'],
  ])('%j → %j', (input, expected) => {
    expect(md(input)).toBe(expected);
  });
});
