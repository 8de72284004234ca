import tokensCss from '../../shared/tokens.css?inline';
import controlsCss from './controls.css?inline';
import frameCss from './frame.css?inline';
import recentCss from './recent.css?inline';
import sidebarCss from './sidebar.css?inline';
import tabEdgeCss from './tab-edge.css?inline';

// The in-page sidebar's stylesheet (about 1.6 kB gzip), bundled into the overlay launcher module
// (entrypoints/sidebar-launcher.ts), which hands it to the stub's host (host.ts) to mount with.

/** Everything the sidebar needs on the page: WXT's host reset, then our stylesheets. */
export const SIDEBAR_STYLES = `:host{all:initial !important;}\n${tokensCss}\n${frameCss}\n${sidebarCss}\n${controlsCss}\n${tabEdgeCss}\n${recentCss}`;
