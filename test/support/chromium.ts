import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Starts Chromium for a browser test file, or says why it cannot (the file's tests are then skipped with
 * that reason, rather than failing on a machine without a browser).
 */
export async function launchChromium(what: string): Promise<{ browser?: Browser; launchProblem: string }> {
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return { browser, launchProblem: '' };
  } catch (error) {
    const launchProblem = (error as Error).message.split('\n')[0] ?? String(error);
    console.warn(
      `Skipping the browser tests of ${what}: Chromium (${CHROMIUM}) cannot start: ${launchProblem}`,
    );
    return { launchProblem };
  }
}
