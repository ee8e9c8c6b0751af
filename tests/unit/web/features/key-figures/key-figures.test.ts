import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeyFigures } from '../../../../../web/features/key-figures/key-figures';

describe('KeyFigures', () => {
  it('shows the 15-minute life circle coverage as a percent with its raw value', () => {
    const html = renderToStaticMarkup(
      createElement(KeyFigures, { figures: { lifeCircle: 0.8123 } }),
    );
    expect(html).toContain('15 分钟生活圈覆盖率');
    expect(html).toMatch(/data-figure="lifeCircle" data-value="0.8123">81.2%/);
  });

  it('leaves the tile out when the caller may not see it', () => {
    const html = renderToStaticMarkup(
      createElement(KeyFigures, { figures: {}, hideLifeCircle: true }),
    );
    expect(html).not.toContain('生活圈');
    expect(html).toContain('按时办结率');
  });
});
