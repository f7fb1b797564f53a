// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFirstScreenData, serializeFirstScreenData } from './first-screen-data.ts';

function element(text: string): Element {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = text;
  return script;
}

describe('first screen data', () => {
  it('cannot close its script element early, and reads back as written', () => {
    const data = {
      colorMode: 'dark' as const,
      queries: { mutations: [], queries: [{ name: '</script><script>alert(1)</script>\u2028' }] },
    };
    const text = serializeFirstScreenData(data as never);
    expect(text).not.toContain('<');
    expect(text).not.toContain('\u2028');
    expect(readFirstScreenData(element(text))).toEqual(data);
  });

  it('is null on a page without it or with something else in it', () => {
    expect(readFirstScreenData(null)).toBeNull();
    expect(readFirstScreenData(element('not json'))).toBeNull();
    expect(
      readFirstScreenData(element('{"colorMode":"blue","queries":{"mutations":[],"queries":[]}}')),
    ).toBeNull();
    expect(readFirstScreenData(element('{"colorMode":"light","queries":{}}'))).toBeNull();
  });
});
