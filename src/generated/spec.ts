// Generated from openapi/openapi.yaml by scripts/generate.mjs: do not edit.
// Change the spec, then run `npm run generate`.

/** The default server of the API, from the spec's `servers`. */
export const defaultBaseUrl = "https://api.partnero.com" as const;

/**
 * Every operation of the spec, by operationId: method, path, parameter rules, request body and
 * success statuses (each with the name of its validator, or null for no body), and the
 * x-partnero-* extensions (client resource and method name, pagination, safe create and write).
 */
export const operations = {
  "listPartnerReferralLinks": {
    "method": "GET",
    "path": "/v1/partners/{id}/referral_links",
    "resource": "partnerLinks",
    "name": "list",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
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
    },
    "success": {
      "200": "ReferralLinkList"
    },
    "pagination": {
      "method": "listAll",
      "page": "page",
      "limit": "limit",
      "items": [
        "data"
      ],
      "next": [
        "links",
        "next"
      ],
      "currentPage": [
        "meta",
        "current_page"
      ],
      "perPage": [
        "meta",
        "per_page"
      ]
    }
  },
  "createPartnerReferralLink": {
    "method": "POST",
    "path": "/v1/partner_referral_links",
    "resource": "partnerLinks",
    "name": "create",
    "pathParameters": [],
    "parameters": {},
    "body": {
      "required": true,
      "validator": "NewPartnerReferralLink"
    },
    "success": {
      "200": "ReferralLinkResponse",
      "201": "ReferralLinkResponse"
    },
    "create": {
      "match": "key",
      "lookup": {
        "operation": "searchPartnerReferralLinks",
        "items": [
          "data"
        ]
      },
      "owner": {
        "operation": "listPartnerReferralLinks",
        "id": [
          [
            "partner",
            "id"
          ]
        ]
      },
      "result": [
        "data"
      ],
      "ignoreCase": true,
      "addressedBy": "getPartnerReferralLink"
    }
  },
  "getPartnerReferralLink": {
    "method": "GET",
    "path": "/v1/partner_referral_links/{id}",
    "resource": "partnerLinks",
    "name": "get",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "success": {
      "200": "ReferralLinkResponse"
    }
  },
  "updatePartnerReferralLink": {
    "method": "PUT",
    "path": "/v1/partner_referral_links/{id}",
    "resource": "partnerLinks",
    "name": "update",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "body": {
      "required": true,
      "validator": "ReferralLinkRename"
    },
    "success": {
      "200": "ReferralLinkResponse"
    },
    "write": {
      "verify": {
        "operation": "getPartnerReferralLink",
        "id": [
          "key"
        ],
        "item": [
          "data"
        ],
        "match": "key",
        "ignoreCase": true
      }
    }
  },
  "deletePartnerReferralLink": {
    "method": "DELETE",
    "path": "/v1/partner_referral_links/{id}",
    "resource": "partnerLinks",
    "name": "delete",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "success": {
      "200": "DeleteResult",
      "204": null
    },
    "write": {
      "notFound": "done"
    }
  },
  "searchPartnerReferralLinks": {
    "method": "GET",
    "path": "/v1/partner_referral_links:search",
    "resource": "partnerLinks",
    "name": "search",
    "pathParameters": [],
    "parameters": {
      "id": {
        "in": "query",
        "required": false,
        "type": "string",
        "minLength": 1
      },
      "key": {
        "in": "query",
        "required": false,
        "type": "string",
        "minLength": 1
      }
    },
    "exactlyOne": [
      "id",
      "key"
    ],
    "success": {
      "200": "ReferralLinkSearchResult"
    }
  },
  "listPartnerReferralLinkDomains": {
    "method": "GET",
    "path": "/v1/partner_referral_links:domains",
    "resource": "partnerLinks",
    "name": "listDomains",
    "pathParameters": [],
    "parameters": {
      "limit": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1,
        "maximum": 250,
        "default": 10
      },
      "page": {
        "in": "query",
        "required": false,
        "type": "integer",
        "minimum": 1,
        "default": 1
      }
    },
    "success": {
      "200": "LinkDomainList"
    },
    "pagination": {
      "method": "listAllDomains",
      "page": "page",
      "limit": "limit",
      "items": [
        "data"
      ],
      "next": [
        "links",
        "next"
      ],
      "currentPage": [
        "meta",
        "current_page"
      ],
      "perPage": [
        "meta",
        "per_page"
      ]
    }
  },
  "listCustomerReferralLinks": {
    "method": "GET",
    "path": "/v1/customers/{id}/referral_links",
    "resource": "customerLinks",
    "name": "list",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
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
    },
    "success": {
      "200": "ReferralLinkList"
    },
    "pagination": {
      "method": "listAll",
      "page": "page",
      "limit": "limit",
      "items": [
        "data"
      ],
      "next": [
        "links",
        "next"
      ],
      "currentPage": [
        "meta",
        "current_page"
      ],
      "perPage": [
        "meta",
        "per_page"
      ]
    }
  },
  "createCustomerReferralLink": {
    "method": "POST",
    "path": "/v1/customer_referral_links",
    "resource": "customerLinks",
    "name": "create",
    "pathParameters": [],
    "parameters": {},
    "body": {
      "required": true,
      "validator": "NewCustomerReferralLink"
    },
    "success": {
      "200": "ReferralLinkResponse",
      "201": "ReferralLinkResponse"
    },
    "create": {
      "match": "key",
      "lookup": {
        "operation": "searchCustomerReferralLinks",
        "items": [
          "data"
        ]
      },
      "owner": {
        "operation": "listCustomerReferralLinks",
        "id": [
          [
            "customer",
            "id"
          ],
          [
            "customer",
            "key"
          ]
        ]
      },
      "result": [
        "data"
      ],
      "ignoreCase": true,
      "addressedBy": "getCustomerReferralLink"
    }
  },
  "getCustomerReferralLink": {
    "method": "GET",
    "path": "/v1/customer_referral_links/{id}",
    "resource": "customerLinks",
    "name": "get",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "success": {
      "200": "ReferralLinkResponse"
    }
  },
  "updateCustomerReferralLink": {
    "method": "PUT",
    "path": "/v1/customer_referral_links/{id}",
    "resource": "customerLinks",
    "name": "update",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "body": {
      "required": true,
      "validator": "ReferralLinkRename"
    },
    "success": {
      "200": "ReferralLinkResponse"
    },
    "write": {
      "verify": {
        "operation": "getCustomerReferralLink",
        "id": [
          "key"
        ],
        "item": [
          "data"
        ],
        "match": "key",
        "ignoreCase": true
      }
    }
  },
  "deleteCustomerReferralLink": {
    "method": "DELETE",
    "path": "/v1/customer_referral_links/{id}",
    "resource": "customerLinks",
    "name": "delete",
    "pathParameters": [
      "id"
    ],
    "parameters": {
      "id": {
        "in": "path",
        "required": true,
        "type": "string",
        "minLength": 1,
        "exclude": [
          ".",
          ".."
        ]
      }
    },
    "success": {
      "200": "DeleteResult",
      "204": null
    },
    "write": {
      "notFound": "done"
    }
  },
  "searchCustomerReferralLinks": {
    "method": "GET",
    "path": "/v1/customer_referral_links:search",
    "resource": "customerLinks",
    "name": "search",
    "pathParameters": [],
    "parameters": {
      "id": {
        "in": "query",
        "required": false,
        "type": "string",
        "minLength": 1
      },
      "key": {
        "in": "query",
        "required": false,
        "type": "string",
        "minLength": 1
      },
      "customer[id]": {
        "in": "query",
        "required": false,
        "type": "string",
        "minLength": 1
      }
    },
    "exactlyOne": [
      "id",
      "key"
    ],
    "success": {
      "200": "ReferralLinkSearchResult"
    }
  }
} as const;

/** Each operation's summary, by operationId (for help texts; the client does not load it). */
export const summaries: Readonly<Record<string, string | undefined>> = {
  "listPartnerReferralLinks": "List a partner's referral links",
  "createPartnerReferralLink": "Create a partner referral link",
  "getPartnerReferralLink": "Get a partner referral link",
  "updatePartnerReferralLink": "Rename a partner referral link",
  "deletePartnerReferralLink": "Delete a partner referral link",
  "searchPartnerReferralLinks": "Search partner referral links",
  "listPartnerReferralLinkDomains": "List the domains a link can use",
  "listCustomerReferralLinks": "List a customer's referral links",
  "createCustomerReferralLink": "Create a customer referral link",
  "getCustomerReferralLink": "Get a customer referral link",
  "updateCustomerReferralLink": "Rename a customer referral link",
  "deleteCustomerReferralLink": "Delete a customer referral link",
  "searchCustomerReferralLinks": "Search customer referral links"
};
