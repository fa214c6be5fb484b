// What a definition itself tells the IAM commands, so they do not ask for it: the invoker Lambda's ARN when
// the definition's invoker calls name exactly one unqualified function ARN (literal, no placeholder).
import { checkFunctionArn, type IamContext } from '../../core/iam';
import { tasksOf } from '../../core/crossings/tasks';
import { field, literalString } from '../../core/crossings/values';
import type { AslModel } from '../../core/model/model';

export function contextFromDefinition(model: AslModel, invokerNames: readonly string[]): Partial<IamContext> {
  const arns = new Set<string>();
  for (const task of tasksOf(model, invokerNames)) {
    if (!task.invoker) continue;
    // The invoker's own record keeps the function's name; the ARN is the Resource or the literal FunctionName.
    const arn = (
      task.invoker.form === 'function-arn' ? task.resource : literalString(field(task.params, 'FunctionName'))
    )?.trim();
    if (arn && checkFunctionArn(arn) === undefined) arns.add(arn);
  }
  return arns.size === 1 ? { invokerArn: [...arns][0]! } : {};
}
