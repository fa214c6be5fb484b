// Parse problems: the ASL0xx codes the parsers report instead of throwing.
import type { Finding } from '../findings';
import { pointerOf, type PropertyNode } from './ast';

export const ParseCodes = {
  syntax: 'ASL001',
  comment: 'ASL002',
  trailingComma: 'ASL003',
  duplicateKey: 'ASL004',
  bom: 'ASL005',
  rootNotObject: 'ASL006',
  tooDeep: 'ASL007',
  tooLarge: 'ASL008',
  empty: 'ASL009',
  yamlFeature: 'ASL010',
  internal: 'ASL000',
} as const;

export function parseProblem(
  code: string,
  message: string,
  offset: number,
  length: number,
  path = '',
  severity: Finding['severity'] = 'error',
): Finding {
  return { code, severity, message, path, offset, length };
}

export function duplicateKeyProblem(p: PropertyNode): Finding {
  return parseProblem(
    ParseCodes.duplicateKey,
    `Duplicate key "${p.key}": Step Functions rejects definitions with duplicate keys. Remove or rename one of them.`,
    p.keyOffset,
    p.keyLength,
    pointerOf(p),
  );
}
