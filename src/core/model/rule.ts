// What a rule is: a function over the shared model that reports findings, plus the range helpers
// that keep findings on the narrowest node (the key or the value, not the whole state).
import type { Finding, Fix, Severity } from '../findings';
import { pointerOf, type AstNode, type PropertyNode } from '../parse/ast';
import type { LanguageId } from '../parse';
import type { AslModel, StateInfo } from './model';
import type { SubstitutionContext } from './substitutions';

export interface RuleOptions {
  languageId: LanguageId;
  /** Function names that mark a Lambda task as an invoker call (default: sfn-crossings-invoker). */
  invokerNames: string[];
  /** What the definition's source (a template) knows about its `${...}` placeholders; none for a bare file. */
  substitutions?: SubstitutionContext;
}

export interface RuleContext {
  model: AslModel;
  options: RuleOptions;
  report(finding: Finding): void;
}

export interface Rule<Scratch = undefined> {
  /** A short id for the group of codes the rule reports (for docs and benchmarks). */
  id: string;
  /** Bookkeeping for one analysis, handed to `checkState` and `run` (e.g. the graph's edges). */
  begin?(ctx: RuleContext): Scratch;
  /**
   * Checks of one state. The pipeline calls every rule's `checkState` on a state before it moves to the
   * next one, so each state's nodes are read while they are still in the CPU caches (one pass over a
   * large definition instead of one per rule).
   */
  checkState?(ctx: RuleContext, state: StateInfo, scratch: Scratch): void;
  /** Whole-document checks (the root, scopes, the graph), once per analysis, after every state. */
  run?(ctx: RuleContext, scratch: Scratch): void;
}

/** Any rule, whatever its bookkeeping. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export interface Where {
  offset: number;
  length: number;
  path: string;
}

/** The whole value node. */
export function atNode(node: AstNode): Where {
  return { offset: node.offset, length: node.length, path: pointerOf(node) };
}
/** The key of a property (e.g. an unknown field name). */
export function atKey(property: PropertyNode): Where {
  return { offset: property.keyOffset, length: property.keyLength, path: pointerOf(property) };
}
/** The value of a property. */
export function atValue(property: PropertyNode): Where {
  return atNode(property.value);
}

export function finding(
  code: string,
  severity: Severity,
  message: string,
  where: Where,
  extra: { fixes?: Fix[]; data?: Record<string, unknown> } = {},
): Finding {
  return { code, severity, message, ...where, ...extra };
}
