// Deploy-time placeholders (`${Name}`) as the whole-document rules see them: a value that is one
// placeholder has an unknown value (and, as a YAML plain scalar, an unknown type: `Seconds: ${Timeout}`
// becomes a number after the text replace); a value with placeholders inside is checked in its literal
// parts only. Placeholder parsing itself is the model's (../model/substitutions).
import type { AstNode } from '../parse/ast';
import { hasPlaceholder, isWholePlaceholder } from '../model/substitutions';

export { hasPlaceholder, isWholePlaceholder };

/** True when the node is a string that is exactly one `${Name}` placeholder. */
export function isPlaceholderValue(node: AstNode): boolean {
  return node.kind === 'string' && isWholePlaceholder(node.value as string);
}

/**
 * True when the placeholder is written unquoted (a YAML plain scalar): the text replace happens before the
 * YAML is parsed, so the value may become a number, a boolean or anything else. A quoted placeholder
 * (JSON, or quoted YAML) stays a string after the replace.
 */
export function isUnquotedPlaceholder(text: string, node: AstNode): boolean {
  if (!isPlaceholderValue(node)) return false;
  const c = text.charCodeAt(node.offset);
  return c !== 34 /* " */ && c !== 39; /* ' */
}

/**
 * The string with every `${...}` replaced by as many `x` as it has characters, so a syntax checker sees only
 * the literal parts and its indexes still point into the original. Returns `s` itself when there is none.
 */
export function neutralizePlaceholders(s: string): string {
  if (!hasPlaceholder(s)) return s;
  return s.replace(/\$\{[^}]*\}/g, (m) => 'x'.repeat(m.length));
}
