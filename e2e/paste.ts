// Puts a long list in a text box as a paste does: one input event. Playwright's fill types a multi-line text
// line by line, which takes minutes for thousands of names.
import type { Locator } from '@playwright/test';

export async function paste(box: Locator, text: string): Promise<void> {
  await box.evaluate((element, value) => {
    const area = element as HTMLTextAreaElement;
    Reflect.set(HTMLTextAreaElement.prototype, 'value', value, area);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
