// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.

/** The default server of the API, from the spec's `servers`. */
export const defaultBaseUrl = "https://api.partnero.com" as const;

/** Every operation's method, path and parameter rules, from the spec. */
export const operations = {
  "listReferralLinks": {
    "method": "GET",
    "path": "/v1/partners/{id}/referral_links",
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1
      },
      "limit": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1,
        "maximum": 250,
        "default": 15
      },
      "page": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1,
        "default": 1
      }
    }
  }
} as const;
