// The literal shape of a run-time value: `States.Format('arn:aws:iam::{}:role/Target', $.account)` or JSONata
// `'arn:aws:iam::' & $account & ':role/Target'` become `arn:aws:iam::*:role/Target`, so IAM can be narrowed to
// what the definition fixes (a role name, an endpoint prefix) instead of `*`. Unknown parts become one `*`.

/** The literal pattern of a dynamic expression, or undefined when nothing of it is literal. */
export function literalPattern(expression: string): string | undefined {
  const text = expression.trim();
  const jsonata = /^\{%([\s\S]*)%\}$/.exec(text);
  const parts = jsonata ? jsonataParts(jsonata[1]!) : formatParts(text);
  if (!parts || !parts.some((p) => p !== STAR && p !== '')) return undefined;
  return parts.join('').replace(/\*+/g, '*');
}

const STAR = '*';

/** `States.Format('literal {} text', args...)`: the template with `{}` as `*`. */
function formatParts(text: string): string[] | undefined {
  const m = /^States\.Format\(\s*'((?:[^'\\]|\\.)*)'/.exec(text);
  if (!m) return undefined;
  const out: string[] = [];
  let literal = '';
  const template = m[1]!;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '\\' && i + 1 < template.length) {
      literal += template[++i];
    } else if (c === '{' && template[i + 1] === '}') {
      out.push(literal, STAR);
      literal = '';
      i++;
    } else literal += c;
  }
  out.push(literal);
  return out;
}

/** A JSONata concatenation `'a' & $x & "b"`: quoted parts are literal, every other operand is `*`. */
function jsonataParts(body: string): string[] | undefined {
  const operands: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '&' && depth === 0) {
      operands.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (quote || depth !== 0) return undefined;
  operands.push(body.slice(start));
  return operands.map((o) => {
    const m = /^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*$/.exec(o);
    if (!m) return STAR;
    return (m[1] ?? m[2]!).replace(/\\(.)/g, '$1');
  });
}

/** A role ARN pattern whose role name is literal: `arn:<partition>:iam::<account or *>:role/<name>`. */
export function narrowRoleArn(
  expression: string,
  partition: string,
): { arn: string; name: string; account: string } | undefined {
  const p = literalPattern(expression);
  const m = p ? /^arn:(?:aws[\w-]*|\*):iam::(\d{12}|\*):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]+)$/.exec(p) : undefined;
  if (!m) return undefined;
  return { arn: `arn:${partition}:iam::${m[1]}:role/${m[2]}`, account: m[1]!, name: m[2]!.replace(/^.*\//, '') };
}

/** An https endpoint pattern with a literal scheme and host start: `https://api.example.com/v1/*`. */
export function narrowEndpoint(expression: string): string | undefined {
  const p = literalPattern(expression);
  return p && /^https:\/\/[A-Za-z0-9.-]+/.test(p) ? p : undefined;
}
