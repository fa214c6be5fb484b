// The browser helper shared by the webview tests and the real-editor harness (test/lib/browser.mjs): which
// Chromium it launches, when it installs Debian's chromium (as root, through sudo -n) and the message it
// gives when it can do neither. The machine is replaced by injected probes and a recording installer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEBIAN_CHROMIUM, ensureChromium, planChromium, type ChromiumProbes } from '../../lib/browser.mjs';

function probes(machine: { files?: string[]; root?: boolean; sudo?: boolean; apt?: boolean }): ChromiumProbes {
  const files = new Set(machine.files ?? []);
  return {
    exists: (file) => files.has(file),
    isRoot: () => machine.root ?? false,
    canSudo: () => machine.sudo ?? false,
    hasAptGet: () => machine.apt ?? true,
  };
}

test('uses Debian chromium when it is there, and never asks about installing', () => {
  const asked: string[] = [];
  const machine = probes({ files: [DEBIAN_CHROMIUM] });
  const spy: ChromiumProbes = {
    ...machine,
    isRoot: () => (asked.push('root'), false),
    canSudo: () => (asked.push('sudo'), false),
  };
  assert.deepEqual(planChromium({}, spy), { action: 'use', path: DEBIAN_CHROMIUM });
  assert.deepEqual(asked, []);
});

test('installs Debian chromium when /usr/bin/chromium is missing: directly as root, through sudo -n otherwise', () => {
  assert.deepEqual(planChromium({}, probes({ root: true })), { action: 'install', path: DEBIAN_CHROMIUM, sudo: false });
  assert.deepEqual(planChromium({}, probes({ sudo: true })), { action: 'install', path: DEBIAN_CHROMIUM, sudo: true });
});

test('fails with what to do when nothing can be installed', () => {
  const noRights = planChromium({}, probes({}));
  assert.equal(noRights.action, 'fail');
  assert.match(noRights.action === 'fail' ? noRights.message : '', /apt-get install -y chromium.*SFN_E2E_CHROMIUM/);
  const noApt = planChromium({}, probes({ root: true, apt: false }));
  assert.equal(noApt.action, 'fail');
  assert.match(noApt.action === 'fail' ? noApt.message : '', /apt-get is not available/);
});

test('SFN_E2E_CHROMIUM is used as is when it exists, and is never replaced by an install when it does not', () => {
  const env = { SFN_E2E_CHROMIUM: '/opt/chrome/chrome' };
  assert.deepEqual(planChromium(env, probes({ files: ['/opt/chrome/chrome'] })), {
    action: 'use',
    path: '/opt/chrome/chrome',
  });
  const missing = planChromium({ SFN_E2E_CHROMIUM: '/nonexistent' }, probes({ files: [DEBIAN_CHROMIUM], root: true }));
  assert.equal(missing.action, 'fail');
  assert.match(missing.action === 'fail' ? missing.message : '', /SFN_E2E_CHROMIUM=\/nonexistent: no such file/);
});

test('ensureChromium runs the installer once, then returns the installed path', () => {
  const files = new Set<string>();
  const calls: Array<{ packages: string[]; sudo: boolean }> = [];
  const machine: ChromiumProbes = { ...probes({ sudo: true }), exists: (f) => files.has(f) };
  const path = ensureChromium({
    env: {},
    probes: machine,
    log: () => {},
    install: (packages, { sudo }) => {
      calls.push({ packages, sudo });
      files.add(DEBIAN_CHROMIUM); // what apt-get does
    },
  });
  assert.equal(path, DEBIAN_CHROMIUM);
  assert.deepEqual(calls, [{ packages: ['chromium'], sudo: true }]);
});

test('ensureChromium fails when the install did not produce the executable, and when the plan is to fail', () => {
  assert.throws(
    () => ensureChromium({ env: {}, probes: probes({ root: true }), log: () => {}, install: () => {} }),
    /installed chromium but \/usr\/bin\/chromium is still missing/,
  );
  assert.throws(
    () => ensureChromium({ env: { SFN_E2E_CHROMIUM: '/nonexistent' }, probes: probes({}), log: () => {} }),
    /Chromium for the browser tests: SFN_E2E_CHROMIUM=\/nonexistent/,
  );
});
