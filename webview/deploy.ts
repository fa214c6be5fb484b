// The invoker deploy form: profile, region, function name, allowed calls; checks them before posting
// `deploy`, then shows the host's live progress (one line per step) and the result. The user's edits
// survive definition updates: only untouched fields follow the definition.
import { byId, el } from './dom';
import type { DeployRequest, DeployStepStatus, DeployView, PageMessage } from './protocol';
import { fieldValue, setDisabled, setFieldValue } from './toolkit';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const CALL = /^[a-z0-9-]+:(\*|[A-Za-z][A-Za-z0-9]*)$/;

/** Names of the deployment engine's steps (src/aws/deployInvoker.ts) and the panel's own (session, plan). */
const STEP_LABELS: Record<string, string> = {
  session: 'Credentials',
  plan: 'Plan',
  identity: 'Account',
  role: 'Role',
  policy: 'Role policy',
  function: 'Function',
  code: 'Code',
  configuration: 'Configuration',
  tags: 'Tags',
  done: 'Finished',
};

const STATUS_LABELS: Record<DeployStepStatus, string> = {
  running: 'running',
  done: 'done',
  skipped: 'unchanged',
  failed: 'failed',
};

export class DeployForm {
  private readonly touched = new Set<string>();
  private running = false;
  private available = false;
  private readonly steps = new Map<string, HTMLLIElement>();

  constructor(private readonly post: (m: PageMessage) => void) {
    for (const id of ['deploy-profile', 'deploy-region', 'deploy-function', 'deploy-calls'])
      byId(id).addEventListener('input', () => this.touched.add(id));
    byId('deploy-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    byId('deploy-submit').addEventListener('click', () => this.submit());
    byId('deploy-cancel').addEventListener('click', () => this.post({ type: 'cancelDeploy' }));
  }

  /** Follows the definition: fills the fields the user has not edited. */
  update(view: DeployView): void {
    this.available = view.available;
    const fill = (id: string, value: string) => {
      if (!this.touched.has(id)) setFieldValue(byId(id), value);
    };
    fill('deploy-profile', view.profile);
    fill('deploy-region', view.region);
    fill('deploy-function', view.functionName);
    fill('deploy-calls', view.allowedCalls.join('\n'));
    byId('deploy-profiles').textContent = view.profiles.length
      ? `Profiles found: ${view.profiles.join(', ')}`
      : 'No profile found in ~/.aws/config or ~/.aws/credentials: the default credential chain is used.';
    const notice = byId('deploy-availability');
    notice.textContent = view.available ? '' : view.message;
    notice.hidden = view.available;
    this.syncButtons();
  }

  private request(): DeployRequest | string {
    const profile = fieldValue(byId('deploy-profile')).trim();
    const region = fieldValue(byId('deploy-region')).trim();
    const functionName = fieldValue(byId('deploy-function')).trim();
    const allowedCalls = fieldValue(byId('deploy-calls'))
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!REGION.test(region)) return `"${region}" is not a region name such as us-east-1.`;
    if (!FUNCTION_NAME.test(functionName))
      return 'The function name takes 1-64 letters, digits, hyphens or underscores.';
    if (allowedCalls.length === 0) return 'List at least one allowed call (service:action, e.g. s3:getObject).';
    const bad = allowedCalls.find((c) => !CALL.test(c));
    if (bad) return `"${bad}" is not service:action (SDK v3 names, e.g. dynamodb:getItem).`;
    return { profile, region, functionName, allowedCalls };
  }

  private submit(): void {
    if (this.running || !this.available) return;
    const request = this.request();
    const error = byId('deploy-error');
    if (typeof request === 'string') {
      error.textContent = request;
      error.hidden = false;
      return;
    }
    error.hidden = true;
    this.steps.clear();
    byId('deploy-steps').replaceChildren();
    byId('deploy-result').textContent = '';
    this.running = true;
    this.syncButtons();
    this.post({ type: 'deploy', request });
  }

  progress(step: string, status: DeployStepStatus, message: string): void {
    let item = this.steps.get(step);
    if (!item) {
      item = el('li');
      this.steps.set(step, item);
      byId('deploy-steps').appendChild(item);
    }
    // A step that ends without a message keeps the last thing it said (e.g. the account it found).
    const said = message || item.dataset.message || '';
    item.dataset.message = said;
    item.className = `step step-${status}`;
    item.replaceChildren(
      el('span', { class: 'step-status' }, STATUS_LABELS[status]),
      ' ',
      el('span', { class: 'step-name' }, STEP_LABELS[step] ?? step),
      said ? ` — ${said}` : '',
    );
  }

  result(ok: boolean, message: string, functionArn: string): void {
    this.running = false;
    this.syncButtons();
    const result = byId('deploy-result');
    result.className = ok ? 'result ok' : 'result failed';
    result.textContent = functionArn ? `${message} ${functionArn}` : message;
  }

  private syncButtons(): void {
    setDisabled(byId('deploy-submit'), this.running || !this.available);
    setDisabled(byId('deploy-cancel'), !this.running);
    byId('deploy-busy').hidden = !this.running;
  }
}
