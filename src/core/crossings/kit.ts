// What every crossing rule shares while it runs: the classified tasks, a text editor for fixes, and a
// report helper. Built once per analysis (cached on the model) so the five rule groups do not redo the work.
import type { Fix, Severity } from '../findings';
import type { AslModel } from '../model/model';
import { finding, type RuleContext, type Where } from '../model/rule';
import type { AstNode, ObjectNode, PropertyNode } from '../parse/ast';
import { TextEditor } from './edits';
import { tasksOf, type TaskInfo } from './tasks';
import { closest, fieldOf, type Field } from './values';

export interface Kit {
  ctx: RuleContext;
  model: AslModel;
  tasks: TaskInfo[];
  edit: TextEditor;
  report(
    code: string,
    severity: Severity,
    message: string,
    where: Where,
    fixes?: Fix[],
    data?: Record<string, unknown>,
  ): void;
}

export function kitFor(ctx: RuleContext): Kit {
  const edit = new TextEditor(ctx.model.parsed.text, ctx.options.languageId);
  return {
    ctx,
    model: ctx.model,
    tasks: tasksOf(ctx.model, ctx.options.invokerNames),
    edit,
    report(code, severity, message, where, fixes, data) {
      const extra: { fixes?: Fix[]; data?: Record<string, unknown> } = {};
      const usable = fixes?.filter((f) => f.edits.length > 0);
      if (usable?.length) extra.fixes = usable;
      if (data) extra.data = data;
      ctx.report(finding(code, severity, message, where, extra));
    },
  };
}

/** A Fix from edits that may be missing (a YAML shape we do not rewrite): undefined when any edit is missing. */
export function fix(
  title: string,
  edits: Array<{ offset: number; length: number; newText: string } | undefined>,
  preferred = false,
): Fix[] {
  if (edits.some((e) => e === undefined)) return [];
  const out: Fix = { title, edits: edits as Fix['edits'] };
  if (preferred) out.preferred = true;
  return [out];
}

const knownSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function knownSet(known: readonly string[]): ReadonlySet<string> {
  let set = knownSets.get(known);
  if (!set) knownSets.set(known, (set = new Set(known)));
  return set;
}

/**
 * Reports unknown fields of an object against a list of known names, with a rename fix to the closest
 * known name. Returns the known fields by logical name (the first of `Name`/`Name.$`).
 */
export function checkKnownFields(
  kit: Kit,
  obj: ObjectNode,
  known: readonly string[],
  code: string,
  severity: Severity,
  what: string,
): Map<string, Field> {
  const set = knownSet(known);
  const out = new Map<string, Field>();
  for (const p of obj.properties) {
    const f = fieldOf(p);
    if (set.has(f.name)) {
      if (!out.has(f.name)) out.set(f.name, f);
      continue;
    }
    const near = closest(f.name, known);
    const newKey = near && (p.key.endsWith('.$') ? `${near}.$` : near);
    kit.report(
      code,
      severity,
      `Unknown ${what} "${f.name}"${near ? `: did you mean "${near}"?` : '.'} Allowed: ${known.join(', ')}.`,
      { offset: p.keyOffset, length: p.keyLength, path: p.pointer },
      newKey ? fix(`Rename to "${newKey}"`, [kit.edit.renameKey(p, newKey)], true) : undefined,
      near ? { suggestion: near } : undefined,
    );
  }
  return out;
}

/** The text a finding should point at when a required field is missing: the object's key, else the node. */
export function whereMissing(container: PropertyNode | undefined, fallback: AstNode): Where {
  if (container) return { offset: container.keyOffset, length: container.keyLength, path: container.pointer };
  return { offset: fallback.offset, length: fallback.length, path: fallback.pointer };
}
