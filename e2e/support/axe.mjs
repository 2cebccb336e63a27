// Runs axe-core (injected from the npm package) on the page, shadow roots included.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const axeSource = await readFile(axePath, 'utf8');

/** The violations axe finds on the page, as "rule: target" lines. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${violation.help}`),
  );
}
