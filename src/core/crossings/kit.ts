// What every crossing rule shares while it runs: the classified tasks, a text editor for fixes, and a
// report helper. Built once per analysis (cached on the model) so the five rule groups do not redo the work.
import type { Finding, Fix, Severity } from '../findings';
import type { AslModel } from '../model/model';
import type { RuleContext, Where } from '../model/rule';
import { pointerOf, type AstNode, type ObjectNode, type PropertyNode } from '../parse/ast';
import { TextEditor } from './edits';
import { tasksOf, type TaskInfo } from './tasks';
import { baseNameOf, closest, fieldOf, Fields, isPathKey } from './values';

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
    /** The fixes, or a function that computes them when first read (for findings that are common and cheap). */
    fixes?: Fix[] | (() => Fix[]),
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
      ctx.report(new CrossingFinding(code, severity, message, where, fixes, data));
    },
  };
}

function usableFixes(fixes: Fix[]): Fix[] | undefined {
  const usable = fixes.filter((f) => f.edits.length > 0);
  return usable.length ? usable : undefined;
}

/**
 * A crossing finding: the plain Finding fields, with `fixes` computed on first read when given as a function (the
 * CLI never reads them; a definition can have thousands of fixable findings). One class, one object shape.
 */
class CrossingFinding implements Finding {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
  readonly data: Record<string, unknown> | undefined;
  private pending: Fix[] | (() => Fix[]) | undefined;
  private computed: Fix[] | undefined;
  constructor(
    readonly code: string,
    readonly severity: Severity,
    readonly message: string,
    where: Where,
    fixes: Fix[] | (() => Fix[]) | undefined,
    data: Record<string, unknown> | undefined,
  ) {
    this.path = where.path;
    this.offset = where.offset;
    this.length = where.length;
    this.data = data;
    this.pending = fixes;
    this.computed = undefined;
  }
  get fixes(): Fix[] | undefined {
    if (this.pending !== undefined) {
      const fixes = typeof this.pending === 'function' ? this.pending() : this.pending;
      this.pending = undefined;
      this.computed = usableFixes(fixes);
    }
    return this.computed;
  }
  toJSON(): Finding {
    const out: Finding = {
      code: this.code,
      severity: this.severity,
      message: this.message,
      path: this.path,
      offset: this.offset,
      length: this.length,
    };
    if (this.fixes) out.fixes = this.fixes;
    if (this.data) out.data = this.data;
    return out;
  }
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

/** A list of known field names with its Set, built once per list (module constants). */
export interface KnownFields {
  list: readonly string[];
  set: ReadonlySet<string>;
}
export function knownFields(list: readonly string[]): KnownFields {
  return { list, set: new Set(list) };
}

/**
 * Reports unknown fields of an object against a list of known names, with a rename fix to the closest
 * known name. Returns a view of the known fields by logical name. Allocation-free for valid objects: this runs for
 * every crossing task.
 */
export function checkKnownFields(
  kit: Kit,
  obj: ObjectNode,
  known: KnownFields,
  code: string,
  severity: Severity,
  what: string,
): Fields {
  for (const p of obj.properties) {
    const k = p.key;
    if (known.set.has(k) || (isPathKey(k) && known.set.has(baseNameOf(k)))) continue;
    const f = fieldOf(p);
    const near = closest(f.name, known.list);
    const newKey = near && (isPathKey(k) ? `${near}.$` : near);
    kit.report(
      code,
      severity,
      `Unknown ${what} "${f.name}"${near ? `: did you mean "${near}"?` : '.'} Allowed: ${known.list.join(', ')}.`,
      { offset: p.keyOffset, length: p.keyLength, path: pointerOf(p) },
      newKey ? fix(`Rename to "${newKey}"`, [kit.edit.renameKey(p, newKey)], true) : undefined,
      near ? { suggestion: near } : undefined,
    );
  }
  return new Fields(obj, known);
}

/** The text a finding should point at when a required field is missing: the object's key, else the node. */
export function whereMissing(container: PropertyNode | undefined, fallback: AstNode): Where {
  if (container) return { offset: container.keyOffset, length: container.keyLength, path: pointerOf(container) };
  return { offset: fallback.offset, length: fallback.length, path: pointerOf(fallback) };
}
