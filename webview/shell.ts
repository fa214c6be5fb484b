// The panel's fixed skeleton (tabs, containers, the deploy form). Static markup only: every piece of
// data is inserted later with textContent or DOM calls, never through this template.
export const SHELL = `
<header class="summary">
  <h1 id="title">Crossings</h1>
  <p id="summary" class="muted" role="status" aria-live="polite">Waiting for the definition…</p>
</header>
<p id="empty" class="notice" role="status" hidden></p>
<vscode-panels id="tabs" aria-label="Crossings panel sections">
  <vscode-panel-tab id="tab-map">Map</vscode-panel-tab>
  <vscode-panel-tab id="tab-crossings">Crossings <span id="crossing-count" class="count-badge">0</span></vscode-panel-tab>
  <vscode-panel-tab id="tab-iam">IAM documents</vscode-panel-tab>
  <vscode-panel-tab id="tab-deploy">Deploy invoker</vscode-panel-tab>
  <vscode-panel-view id="view-map">
    <div class="map-layout">
      <div id="map" class="map-scroll" aria-label="State graph"></div>
      <aside id="groups" class="groups-pane" aria-label="Crossing targets"></aside>
    </div>
  </vscode-panel-view>
  <vscode-panel-view id="view-crossings"><div id="crossings" class="section"></div></vscode-panel-view>
  <vscode-panel-view id="view-iam"><div id="iam" class="section"></div></vscode-panel-view>
  <vscode-panel-view id="view-deploy">
    <form id="deploy-form" class="section deploy" aria-labelledby="deploy-heading" novalidate>
      <h2 id="deploy-heading">Deploy the cross-region invoker</h2>
      <p id="deploy-availability" class="notice" role="status" hidden></p>
      <div class="fields">
        <vscode-text-field id="deploy-profile" placeholder="default chain">AWS profile</vscode-text-field>
        <vscode-text-field id="deploy-region" placeholder="us-east-1">Region</vscode-text-field>
        <vscode-text-field id="deploy-function">Function name</vscode-text-field>
      </div>
      <p id="deploy-profiles" class="muted"></p>
      <vscode-text-area id="deploy-calls" rows="5" resize="vertical" placeholder="s3:getObject">Allowed calls (service:action in SDK v3 names, one per line)</vscode-text-area>
      <p id="deploy-error" class="error" role="alert" hidden></p>
      <div class="actions">
        <vscode-button id="deploy-submit" appearance="primary">Deploy</vscode-button>
        <vscode-button id="deploy-cancel" appearance="secondary" disabled>Cancel</vscode-button>
        <vscode-progress-ring id="deploy-busy" hidden aria-label="Deploying"></vscode-progress-ring>
      </div>
      <ol id="deploy-steps" class="steps" role="log" aria-live="polite" aria-label="Deploy progress"></ol>
      <p id="deploy-result" class="result" role="status" aria-live="polite"></p>
    </form>
  </vscode-panel-view>
</vscode-panels>
<p id="toast" class="toast" role="status" aria-live="polite"></p>
`;
