export function clientModules(): Promise<{
  checkBaseUrl: (value: unknown, allowInsecureHttp: boolean) => string;
  checkApiKey: (key: unknown) => void;
  redactSecret: (text: string, secret: string) => string;
  validators: Record<string, unknown>;
}>;
