// The default name of the cross-region invoker Lambda, shared by rules, IAM generation and deployment.
export const DEFAULT_INVOKER_FUNCTION_NAME = 'sfn-crossings-invoker';
