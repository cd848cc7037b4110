import type { Locator, Page } from 'playwright-core';
import type { Workbench } from './workbench';

/*
 * Gestures and places the connection UI tests share: the questions "Flexprice: Add Connection"
 * asks in the quick input, and the connection's status-bar item as code-server renders it.
 */

const QUICK_INPUT = '.quick-input-widget';

/** The connection's status-bar item: code-server gives it the ID `<publisher>.<name>.<item id>`. */
export function connectionStatusItem(page: Page): Locator {
  return page.locator('.statusbar-item[id="flexprice-tasks.flexprice-tasks.flexprice.connection"]');
}

/** A status-bar item the workbench shows on no background of its own (Problems), to compare colours with. */
export function plainStatusItem(page: Page): Locator {
  return page.locator('.statusbar-item[id="status.problems"]');
}

export async function backgroundColor(item: Locator): Promise<string> {
  return item.evaluate((element) => getComputedStyle(element).backgroundColor);
}

/** A row of the open quick pick. */
export function quickPickRow(page: Page, text: string): Locator {
  return page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: text });
}

/** The quick input's text box, once it is the question with this placeholder. */
function inputWithPlaceholder(page: Page, placeholder: string): Locator {
  return page.locator(`${QUICK_INPUT} .quick-input-box input[placeholder="${placeholder}"]`);
}

export interface SelfHostedAnswers {
  /** Typed into the URL box. */
  readonly apiUrl: string;
  /** Typed into the password box. */
  readonly key: string;
  /** Empty (the default) sends no X-Environment-ID. */
  readonly environmentId?: string;
  /** Typed over the suggested name; by default the suggestion is accepted. */
  readonly name?: string;
}

/**
 * Answers Add Connection's questions once it has been started (from the welcome view, the
 * palette or Set API Key): "Self-hosted…", the URL, the environment ID, the key in a password
 * box, then the name. Resolves to the name it suggested, after Enter on the name box.
 *
 * Every box is waited for by what only it shows (its placeholder, or its prompt), never just
 * "an input": the quick input is one widget reused by every question.
 */
export async function answerAddConnection(workbench: Workbench, answers: SelfHostedAnswers): Promise<string> {
  const { page } = workbench;
  const selfHosted = quickPickRow(page, 'Self-hosted…');
  await selfHosted.waitFor();
  await selfHosted.click();

  const url = inputWithPlaceholder(page, 'https://flexprice.example.com/v1');
  await url.fill(answers.apiUrl);
  await url.press('Enter');

  const environment = inputWithPlaceholder(page, 'optional, e.g. env_01…');
  await environment.fill(answers.environmentId ?? '');
  await environment.press('Enter');

  const key = inputWithPlaceholder(page, 'Flexprice API key');
  await key.waitFor();
  if ((await key.getAttribute('type')) !== 'password') throw new Error('the key must be typed into a password box');
  await key.fill(answers.key);
  await key.press('Enter');

  // The name box comes after identification; it is the one that asks for "A name".
  await page.locator(`${QUICK_INPUT} .quick-input-message`, { hasText: 'A name for this connection' }).waitFor({ timeout: 30_000 });
  const name = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  const suggested = await name.inputValue();
  if (answers.name !== undefined) await name.fill(answers.name);
  await name.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  return suggested;
}
