// UI scene "panel": the Crossings panel in light and dark (the panel room's pass, test/e2e/ui-panel.mjs).
// The README shows the map in both themes.
export { runPanelUiPass as default } from '../ui-panel.mjs';

export const docsImages = ['panel-map-light.png', 'panel-map-dark.png'];
