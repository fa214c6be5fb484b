// UI scene "templates": state machines where SAM projects keep them, in the real workbench. A SAM
// template with an inline definition (its problems on the template's lines) and a DefinitionUri file
// checked with its template's DefinitionSubstitutions (no false finding on the placeholders, the real
// mistake flagged). Screenshots: template-inline.png, template-definition-uri.png.
import { note } from '../lib/log.mjs';
import { inWorkbench, problemsRows, quickOpen, screenshot } from '../ui.mjs';

const say = (message) => note('ui/templates', message);

export const docsImages = ['template-inline.png', 'template-definition-uri.png'];

/** Opens a file, waits for its Problems row with `code` and `text`, reveals it in the editor. */
async function showProblem(page, file, code, text) {
  await quickOpen(page, file);
  const rows = await problemsRows(page, code);
  const row = rows.find((r) => r.includes(code) && r.includes(text));
  if (!row) throw new Error(`no Problems row with ${code} and "${text}" for ${file}: ${JSON.stringify(rows)}`);
  say(`${file}: ${rows.length} Problems row(s), e.g. ${JSON.stringify(row)}`);
  await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().click();
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
}

export default async function templatesScene({ folder, outDir, vsix }) {
  return inWorkbench({ folder, vsix }, outDir, async (page) => {
    const shots = [];
    await showProblem(page, 'examples/templates/sam-inline/template.yaml', 'ASL102', 'Shipp');
    shots.push(await screenshot(page, outDir, 'template-inline.png'));
    await showProblem(
      page,
      'examples/templates/sam-definition-uri/statemachine/orders.asl.json',
      'ASL102',
      '"Confirm"',
    );
    shots.push(await screenshot(page, outDir, 'template-definition-uri.png'));
    return shots;
  });
}
