// The MCP SDK is an optional peer dependency: loaded here, on first use, and only here, with a
// one-line message naming the package when it is not installed.
import type * as ServerModule from '@modelcontextprotocol/sdk/server/index.js';
import type * as TypesModule from '@modelcontextprotocol/sdk/types.js';

/** The package `partnero mcp` needs; and the versions it was built and tested with. */
export const SDK_PACKAGE = '@modelcontextprotocol/sdk';
export const SDK_RANGE = '^1.32.2';

/** The SDK is not installed. */
export class McpSdkMissingError extends Error {
  override name = 'McpSdkMissingError';
  constructor(options?: ErrorOptions) {
    super(`the MCP server needs the package ${SDK_PACKAGE}, which is not installed: npm install ${SDK_PACKAGE}@${SDK_RANGE}`, options);
  }
}

/** The parts of the SDK the server uses. */
export interface Sdk {
  readonly Server: typeof ServerModule.Server;
  readonly ListToolsRequestSchema: typeof TypesModule.ListToolsRequestSchema;
  readonly CallToolRequestSchema: typeof TypesModule.CallToolRequestSchema;
}

/** Whether `error` says that `name` (or a module inside it) could not be found. */
export function isMissingModule(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && typeof message === 'string' && message.includes(name);
}

/** Runs `load` (an import of the SDK), turning "not installed" into McpSdkMissingError. */
export async function importSdk<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingModule(error, SDK_PACKAGE)) throw new McpSdkMissingError({ cause: error });
    throw error;
  }
}

/** The SDK's server and request schemas. */
export async function loadSdk(): Promise<Sdk> {
  const [server, types] = await importSdk(() =>
    Promise.all([import('@modelcontextprotocol/sdk/server/index.js'), import('@modelcontextprotocol/sdk/types.js')]),
  );
  return { Server: server.Server, ListToolsRequestSchema: types.ListToolsRequestSchema, CallToolRequestSchema: types.CallToolRequestSchema };
}
