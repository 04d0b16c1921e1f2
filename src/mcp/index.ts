// `partnero-client/mcp`: the MCP server, a subpath of the package (the main entry never imports
// it). It needs the optional peer dependency @modelcontextprotocol/sdk, loaded on first use.
export { createMcpServer, PartneroMcp, allowedTools, bundledSpec } from './server.js';
export type { McpServerOptions } from './server.js';
export { buildTools, DEFAULT_MAX_ITEMS, MAX_ITEMS } from './tools.js';
export type { McpTool, ToolAnnotations, ToolKind } from './tools.js';
export { McpSdkMissingError } from './sdk.js';
export type { AuditRecord } from './audit.js';
export { runMcp } from './cli.js';
