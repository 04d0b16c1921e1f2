export function escapeXml(value: unknown): string;
export function junit(result: unknown, redact?: (text: string) => string): string;
export function json(result: unknown, redact?: (text: string) => string): string;
export function terminalSummary(result: unknown): string;
