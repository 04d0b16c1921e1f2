// The docs site (`npm run docs`, scripts/docs.mjs): these guides, built by VitePress with its
// local search, and the API reference (Scalar, with a console) as /reference/, written beside
// them by scripts/docs.mjs. Everything the site needs is in site/: no font, script or style
// comes from anywhere else when it is viewed.
import { defineConfig } from 'vitepress';

const guides = [
  { text: 'The client and its errors', link: '/guide/client' },
  { text: 'Behaviour on failures', link: '/guide/failures' },
  { text: 'The partnero command', link: '/guide/cli' },
  { text: 'Bulk', link: '/guide/bulk' },
  { text: 'Rate limits', link: '/guide/rate-limits' },
  { text: 'MCP server for agents', link: '/guide/mcp' },
  { text: 'Mock and sandbox', link: '/guide/sandbox' },
  { text: 'Keeping the spec', link: '/guide/spec' },
  { text: 'Contract testing', link: '/guide/contract' },
  { text: 'Runtimes', link: '/guide/runtimes' },
  { text: 'Performance', link: '/guide/performance' },
];

export default defineConfig({
  title: 'partnero-client',
  description: 'A typed TypeScript client for the Partnero API’s referral links, built from a hand-written OpenAPI description.',
  outDir: '../site',
  cleanUrls: false,
  lastUpdated: false,
  // The generated operations page is written by scripts/docs.mjs before the build.
  srcExclude: ['**/README.md'],
  // Pages written beside the guides by scripts/docs.mjs, not by VitePress.
  ignoreDeadLinks: [/^\/reference\//, /^\/openapi\.(json|yaml)$/],
  markdown: {
    // Links into the reference leave the VitePress app (it is a page of its own), so the router
    // must not take them.
    config(md) {
      md.core.ruler.push('reference-links', (state) => {
        for (const token of state.tokens) {
          for (const child of token.children ?? []) {
            if (child.type === 'link_open' && /^\/(reference\/|openapi\.)/.test(child.attrGet('href') ?? '')) child.attrSet('target', '_self');
          }
        }
      });
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/guide/client' },
      { text: 'Operations', link: '/api/' },
      // Not a VitePress page: target _self makes it a plain link, not a route.
      { text: 'API reference', link: '/reference/index.html', target: '_self' },
    ],
    sidebar: [
      { text: 'Guides', items: guides },
      {
        text: 'API',
        items: [
          { text: 'Operations', link: '/api/' },
          { text: 'API reference and console', link: '/reference/index.html', target: '_self' },
        ],
      },
    ],
    search: { provider: 'local' },
    outline: [2, 3],
  },
});
