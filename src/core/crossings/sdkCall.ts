// Checks shared by invoker payloads (XC4xx) and aws-sdk tasks (XC5xx): an SDK call's input members against the
// API model in the catalog (required members present unless a path supplies them; names as the model spells them).
import { hasProp, type ObjectNode, pointerOf } from '../parse/ast';
import { fix, type Kit } from './kit';
import { memberNames, type CatalogOperation, type Scheme } from './catalog';
import { baseNameOf, closest, fieldOf, isPathKey, pathKeyOf } from './values';

/**
 * Reports input members the API model does not have (`unknownCode`, with a rename fix) and returns the required
 * members that are missing (neither `Name` nor `Name.$`), for the caller to report where it sees fit. `service` and
 * the operation name the call in messages (`s3:getObject`).
 */
export function checkMembers(
  kit: Kit,
  op: CatalogOperation,
  scheme: Scheme,
  service: string,
  input: ObjectNode | undefined,
  unknownCode: string,
  unknownSeverity: 'error' | 'warning',
): string[] | undefined {
  const { all, required } = memberNames(op, scheme);
  if (input) {
    for (const p of input.properties) {
      if (all.has(p.key) || (isPathKey(p.key) && all.has(baseNameOf(p.key)))) continue;
      const f = fieldOf(p);
      const near = closest(f.name, all);
      const newKey = near && (p.key.endsWith('.$') ? `${near}.$` : near);
      const casing = near && near.toLowerCase() === f.name.toLowerCase();
      kit.report(
        unknownCode,
        unknownSeverity,
        `${service}:${op.action} has no input member "${f.name}"${near ? `: did you mean "${near}"?` : '.'}${casing ? casingHint(scheme) : ''}`,
        { offset: p.keyOffset, length: p.keyLength, path: pointerOf(p) },
        newKey && !hasProp(input, newKey)
          ? fix(`Rename to "${newKey}"`, [kit.edit.renameKey(p, newKey)], true)
          : undefined,
        near ? { suggestion: near } : undefined,
      );
    }
  }
  let missing: string[] | undefined;
  for (const r of required) {
    if (input && (hasProp(input, r) || hasProp(input, pathKeyOf(r)))) continue;
    (missing ??= []).push(r);
  }
  return missing;
}

/** Why a near-miss in letter case matters: each caller reads member names in its own SDK's spelling. */
function casingHint(scheme: Scheme): string {
  return scheme === 'sfn'
    ? ' Member names are case-sensitive and spelled as in the AWS SDK for Java v2 (PascalCase, e.g. "DbInstanceIdentifier").'
    : ' Member names are case-sensitive and spelled as in the API model (the AWS SDK for JavaScript v3).';
}

/** The message of a missing-required-members finding. */
export function missingMessage(service: string, op: CatalogOperation, missing: readonly string[]): string {
  return `${service}:${op.action} requires ${missing.map((m) => `"${m}"`).join(', ')} (give a value or a path: "${missing[0]}.$").`;
}

/** The offset range of `part` inside a string node's text (JSON quotes, YAML quoted or plain), or undefined. */
export function rangeInString(
  text: string,
  node: { offset: number; length: number },
  index: number,
  part: string,
): { offset: number; length: number } | undefined {
  const q = text[node.offset];
  const start = node.offset + (q === '"' || q === "'" ? 1 : 0) + index;
  return text.slice(start, start + part.length) === part ? { offset: start, length: part.length } : undefined;
}
