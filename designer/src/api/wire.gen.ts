// GENERATED FILE, do not edit. `npm run gen:api` (runtime/http/gen-wire-types.ts) writes it with
// openapi-typescript from the OpenAPI document the server serves at GET /api/openapi.json
// (openApiDocument() in runtime/http/openapi.ts). Change the document, then run `npm run gen:api`;
// test/runtime/http/openapi-client.test.ts fails while this file differs from what a running server yields.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tokens of the tenant, newest first, with their status and last use, never a secret (tenant: another tenant, for an admin of default) */
        get: {
            parameters: {
                query?: {
                    tenant?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Issue a token (shown once); expiresIn: its lifetime (an ISO 8601 duration; default: none, or the server's for tokens whose roles are only service) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenResponse"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke every active token of this name, and end the sign-in sessions of the person of that name (tenant: another tenant, for an admin of default) */
        delete: {
            parameters: {
                query?: {
                    tenant?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{name}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret for this name, same tenant and roles; every active token of the name keeps working for the grace (default PT1H, at most P7D), then expires; 404 token.not_found without an active one (tenant: another tenant, for an admin of default) */
        post: {
            parameters: {
                query?: {
                    tenant?: string;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RotateTokenRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RotatedToken"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partner organisations of the tenant and their delegated queues */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PartnerList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a partner organisation and the queues delegated to it (its people: tokens with partner, or sign-ins by --oidc-partner) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PartnerRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Partner"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a partner organisation: its people's tokens and sessions see nothing from then on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agents of push routing: skills with levels, capacity, availability, queues */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/agents/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agent; 404 agent.not_found */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Create or replace an agent; 422 agent.invalid for a negative capacity, an unknown skill or queue, a bad availability */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgentRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove an agent (their open offers are withdrawn) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routing/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The queues (skills, strategy) and skills the published case types name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RoutingCatalog"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/agent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's own agent record; 204 No Content when an admin has not added them as an agent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the caller's availability (available, away, offline) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AvailabilityRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Agent"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open offers to the caller, oldest first, each with why it went to them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OfferList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the offer of a task: it is the caller's; 404 offer.not_found when it is not (or no longer) offered to them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Offer"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the offer of a task: it goes to the next agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Offer"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reassign a task to someone, whoever holds it (its open offer is withdrawn) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssignRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/task-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who held the case's tasks when: offered, accepted, declined, expired, withdrawn, claimed, released, reassigned */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskLog"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mailboxes of the tenant (e-mail in: one per case type) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailboxList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mailboxes/{caseType}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace the mailbox of a published case type: its address and a new SMTP password, shown once (409 mailbox.address_taken) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseType: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailboxCreated"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the mailbox of a case type: mail to its address is refused from then on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseType: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/forms/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The self-service form of a case type that offers one (no token): its title, its fields only (schema cut to them); 404 form.not_found otherwise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicForm"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Send the form (no token; a JSON object of its fields, at most 64 KB, 10 a minute per address): a case with channel web, and its reference and code (shown once); 422 form.invalid names extra or wrong fields; 429 request.rate_limited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicReceipt"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's status page (no token; header X-Case-Code: the code given with the reference): its stages in the case type's words, what happened, whether a reply is taken; 404 case.not_found for a wrong pair */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicStatus"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply on the status page (no token; X-Case-Code; body {"text"}): the case type's reply event; 409 form.reply_not_expected when the case is not waiting for one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicStatus"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/survey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer-feedback survey behind a mailed link (no token; header X-Survey-Token: the token in the link's fragment): the question in the customer's language, the scale, the comment box; 404 survey.not_found, 410 survey.expired (docs/feedback.md) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Survey"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Answer the survey (no token; X-Survey-Token; body {"score", "comment"?}; 10 a minute per address): once; 409 survey.answered, 410 survey.expired, 404 survey.not_found, 422 survey.invalid naming /score or /comment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyAnswer"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer-feedback survey of a closed case on its status page (no token; X-Case-Code); 404 survey.not_found while it is open or where the case type asks none */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Survey"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Answer the survey from the status page (no token; X-Case-Code; body {"score", "comment"?}): once; 409 survey.answered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SurveyAnswer"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation of a case with its customer (no token; X-Case-Code), oldest first, without agents' names */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** A message from the customer (no token; X-Case-Code; body {"text"}, 1 to 4,000 characters): the history entry chat.customer, run through the playbook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatMessage"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}/chat/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation as server-sent events (no token; X-Case-Code): each message once after `after` or Last-Event-ID, then each new one, from any host */
        get: {
            parameters: {
                query?: {
                    after?: string;
                };
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["ChatEvents"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/{tenant}/cases/{reference}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A document from the customer (no token; X-Case-Code; multipart, the file in a part named file) into the public form's documents field */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tenant: string;
                    reference: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/chat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation of a case with its customer, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** A message to the customer (body {"text"}, 1 to 4,000 characters): the history entry chat.agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatMessage"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An agent note on the case (body {"text"}, 1 to 4,000 characters): the history entry note.added with its author and time; no playbook event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Note"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/chat/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The conversation as server-sent events: each message once after `after` or Last-Event-ID, then each new one, from any host sharing the database */
        get: {
            parameters: {
                query?: {
                    after?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["ChatEvents"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a case-type definition */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CaseTypeDefinition"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ValidationResult"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest published version of each key, plus draft status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTypeList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest published definition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTypeDefinition"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VersionList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTypeDefinition"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/versions/{version}/types.d.ts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** TypeScript types of the case data and event payloads of a published version (json-schema-to-typescript) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                    version: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain; charset=utf-8; typescript": components["schemas"]["TypeScript"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** TypeScript types of the case data of a definition in the body (the designer's draft); 422 when it is invalid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CaseTypeDefinition"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain; charset=utf-8; typescript": components["schemas"]["TypeScript"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the working draft */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Draft"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Save the working draft (validated, may be invalid) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CaseTypeDefinition"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Draft"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as the next immutable version (optional body: a note; the token's name is recorded as the publisher) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PublishRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Published"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay the newest cases of the latest published version on the draft (or a definition in the body): where each would diverge, how its SLA outcomes and end state change; nothing is written (optional body: cases 1-10,000, default 500; status closed or open) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["BacktestRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BacktestReport"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/case-types/{key}/migration-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A migration plan generated from the difference of two published versions (default: the one before the latest, and the latest), with the newly required fields it has no default for */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuggestedMigrationPlan"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a migration plan would do to every open case it selects: migrates (state, data patch, SLAs, tasks, timers) or cannot (why); nothing is written (limit: cases listed, 0-1000, default 100; those that cannot first) */
        post: {
            parameters: {
                query?: {
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MigrationPlan"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MigrationDryRun"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The migrations of the tenant (of one case type), newest first, with their counts */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MigrationList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Apply a migration plan: recorded, then worked in batches after the answer (202); each case migrates in one commit (history case.migrated), at most once; a host that stops resumes it; 422 migration.applied for a plan applied before */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MigrationPlan"];
                };
            };
            responses: {
                /** @description OK */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Migration"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A migration and its progress (counts: total, pending, migrated, blocked, skipped) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Migration"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/migrations/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A migration's cases, what happened to each (status pending, migrated, blocked, skipped) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "migrated" | "blocked" | "skipped";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MigrationCaseList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases (filters caseType, state, queue, assignee, priority, channel, q, parentId, status open or closed) */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    state?: string;
                    queue?: string;
                    assignee?: string;
                    priority?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    q?: string;
                    parentId?: string;
                    status?: "open" | "closed";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a case */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCaseRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with tasks, SLAs, checklist and next events */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an event */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "If-Match"?: string;
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EventRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The append-only history, oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HistoryList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documents of the case file, in the order they were added (removed=true: the removed ones too) */
        get: {
            parameters: {
                query?: {
                    removed?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DocumentList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a document (multipart/form-data: the file in a part named file; field, a documents field's pointer, in a part before it or as a query parameter). Streamed, at most the server's limit (default 20 MB: 413 document.too_large, nothing stored); its kind read from its bytes (415 document.type_refused for kinds a case file does not take) */
        post: {
            parameters: {
                query?: {
                    field?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["DocumentUpload"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/documents/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The content of a document as stored (Content-Type as sniffed, Content-Disposition: attachment, Repr-Digest: its SHA-256) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    docId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["DocumentContent"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a document from the case file (and its documents field): kept, marked removed, in the history as document.removed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    docId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Document"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link an existing open case of the tenant as a child of this one (by reference or childId): recorded as parent.linked on the child and child.linked on this case. 422 link.self or link.not_found, 409 link.has_parent, link.cycle or link.closed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LinkChildRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LinkResult"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/children/{childId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Undo the link of a child case (both open): parent.unlinked on the child, child.unlinked on this case. 404 link.not_linked */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    childId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LinkResult"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work queues (filters queue, role, assignee (me), caseId, status, unassigned; sort opened (default, oldest first) or due (soonest due first, no due time last)) */
        get: {
            parameters: {
                query?: {
                    queue?: string;
                    role?: string;
                    assignee?: string;
                    caseId?: string;
                    status?: string;
                    unassigned?: string;
                    sort?: "opened" | "due";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbound deliveries (status pending, delivered, dead) */
        get: {
            parameters: {
                query?: {
                    status?: string;
                    caseId?: string;
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA compliance per case type and SLA: the SLAs started in [from, to). Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/sla/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA outcomes (met, metLate, missedGoal, breached) per bucket of when the SLA started, oldest first; bucket day, week (ISO, Monday) or month in UTC. Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    bucket?: "day" | "week" | "month";
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/backlog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open cases now by queue and top-level state, with their ages (under 1 day, 1–3, 3–7, 7–30, over 30 days) and the oldest; from, to: on creation. Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/stages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time per stage (visits, completed, total, average, median and 90th percentile ms, current): the visits begun in [from, to). Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What partner organisations' people did, per partner: events, cases, the last event (the events in [from, to)); not for a partner's people. Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Top values of a field of the case data (field: a pointer, default /reason, 422 report.unknown_field when no published case type has it; limit 1–100, default 10): the cases created in [from, to). Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    field?: string;
                    limit?: string;
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/reasons/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The limit (default 10) most frequent values of a field in the window and their counts per bucket (field as /api/reports/reasons). Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    field?: string;
                    limit?: string;
                    bucket?: "day" | "week" | "month";
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases per channel with their share, and per bucket and channel: the cases created in [from, to). Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    bucket?: "day" | "week" | "month";
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per agent, the tasks closed in [from, to), their distinct cases, median and 90th percentile handling time (claimed, or opened, to closed); most first, limit 1–500 (default 50); queue: the task's queue. Filters: caseType, version (a published version of caseType), queue, channel, tenant (an admin of default only), from and to (instants, at most 3 years apart); bad input: 422 report.invalid with the parameter's pointer */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: "email" | "web" | "phone" | "letter" | "chat" | "api";
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accuracy of contact-reason suggestions of a case type (docs/reason-suggestion.md): suggested, accepted, corrected, accuracy, by suggested value; caseType required; from, to: instants, the suggestions made in [from, to); tenant: an admin of default only; bad input: 422 report.invalid */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/process-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The directly-follows graph of a case type's history (docs/reports.md, Process map): nodes, starts, ends, edges (source, event, target, count, cases, medianMs, p90Ms, revisits, loop, designed), the designed transitions never taken, the loops, the slowest edge; the entries with from <= at < to. 422 report.invalid at /caseType when missing or not published */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: string;
                    tenant?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/process-map/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history entries that took one edge of the process map (source, event, target), newest first: caseId, reference, seq, at, ms (the time since the case's previous entry); limit 1 to 100 (default 25), cursor */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    source?: string;
                    event?: string;
                    target?: string;
                    version?: string;
                    queue?: string;
                    channel?: string;
                    tenant?: string;
                    from?: string;
                    to?: string;
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer feedback (docs/reports.md, docs/feedback.md): surveys sent and answers given in [from, to) (by when answered), responseRate, averageScore, the distribution over the scale and the trend by bucket; 422 report.invalid */
        get: {
            parameters: {
                query?: {
                    caseType?: string;
                    version?: string;
                    queue?: string;
                    channel?: string;
                    tenant?: string;
                    bucket?: "day" | "week" | "month";
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedbackReport"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event log for process mining: format=xes (XES 1849-2016 XML) or ocel (OCEL 2.0 JSON); from, to: instants, the history entries with from <= at < to and the cases they belong to */
        get: {
            parameters: {
                query?: {
                    format?: "xes" | "ocel";
                    caseType?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: name, tenant, roles, and the CSRF token of a sign-in session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's other cases: every case sharing one of this case's customer identifiers (customer.keys) */
        get: {
            parameters: {
                query?: {
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RelatedCases"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the cases by reference, customer identifiers and name, and the words of their data (q: 1 to 200 characters, every word must match, the last also as a prefix; operators are read as text), best first; the case whose reference is q first, exact: true. A partner's people: their queues, by reference only */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResultList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every case with a customer identifier (customer.keys) equal to value */
        get: {
            parameters: {
                query?: {
                    value?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RelatedCaseList"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's webhook signing secret (whsec_…, Standard Webhooks; made when first needed); 409 webhook.secret_from_host where the host signs with its own */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This description */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description A problem (RFC 9457); see x-problem-codes */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateCaseRequest: {
            /** @description Key of a published case type. */
            caseType: string;
            /** @description The case data, validated against the case type. */
            data?: Record<string, unknown>;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            /**
             * @description How the customer contacted us: email, web, phone, letter, chat or api (the default: a system opened it through the API).
             * @enum {string|null}
             */
            channel?: "email" | "web" | "phone" | "letter" | "chat" | "api" | null;
            parentId?: string | null;
        };
        EventRequest: {
            /** @description An event of the case type, e.g. SUBMIT_TRIAGE. */
            type: string;
            /** @description A partial update of the case data (JSON Merge Patch), validated against the event's schema. */
            data?: Record<string, unknown>;
        };
        TokenRequest: {
            name: string;
            roles: string[];
            tenant?: string;
            /** @description The partner organisation (PUT /api/partners/{id}) the token's holder works for: they see only its delegated queues' cases and the fields the case type shares. Roles: agent and case-type roles only. */
            partner?: string;
            /** @description How long the token is accepted: an ISO 8601 duration in weeks, days, hours, minutes and seconds (PT8H, P90D; no years, months or fractions), more than zero, at most P3650D. Without it, a token whose roles are only 'service' gets the server's default (dossier serve --service-token-expiry, P90D unless set) and any other never expires. */
            expiresIn?: string;
        };
        /** @description A partner organisation (an outsourced back office) and the queues delegated to it. */
        PartnerRequest: {
            title: string;
            /** @description The queues whose cases and tasks the partner's people see and work. */
            queues: string[];
        };
        /** @description The case to link as a child: by its reference (as people read it) or its id, one of the two. */
        LinkChildRequest: {
            /** @description The reference of the case to link, e.g. INC-000123. */
            reference?: string;
            /** @description The id of the case to link. */
            childId?: string;
        };
        /** @description Both cases after the link was made or undone. */
        LinkResult: {
            parent: Record<string, unknown>;
            child: Record<string, unknown>;
        };
        /** @description The address of a case type's mailbox (e-mail in); a new password is made each time. */
        MailboxRequest: {
            /** @description The e-mail address mail to the case type is sent to; also the SMTP user name. */
            address: string;
        };
        Mailbox: {
            address: string;
            caseType: string;
            createdAt: string;
            createdBy: string;
        };
        MailboxCreated: {
            address: string;
            caseType: string;
            createdAt: string;
            createdBy: string;
            /** @description The SMTP password of the mailbox, shown this once (kept only as a hash). */
            password: string;
        };
        Partner: {
            id: string;
            title: string;
            queues: string[];
            createdAt: string;
            updatedAt: string;
        };
        /** @description Optional: an empty body rotates with the default grace and lifetime. */
        RotateTokenRequest: {
            /** @description How long the tokens being replaced keep working (unless they expire sooner): an ISO 8601 duration, PT0S to stop them at once, at most P7D; default PT1H. */
            grace?: string;
            /** @description The new token's lifetime (an ISO 8601 duration, more than zero, at most P3650D); default: the lifetime the newest token of the name was given, else the server's default for tokens whose roles are only 'service', else none. */
            expiresIn?: string;
        };
        /** @description A case-type definition (see /schemas/case-type.schema.json); validated by the case-type validator, problems returned. */
        CaseTypeDefinition: Record<string, unknown>;
        /** @description Optional: an empty body publishes without a note. */
        PublishRequest: {
            /** @description Why this version is published; kept with the version (trimmed; empty is none). */
            note?: string | null;
        };
        /** @description RFC 9457 problem details with a stable code. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            problems?: ({
                pointer: string;
                message: string;
            } | {
                /** @enum {string} */
                severity: "error" | "warning";
                code: string;
                message: string;
                pointer: string;
            })[];
            rules?: string[];
        };
        Case: {
            id: string;
            /** @description The human-readable reference (e.g. PA-000123): the case type's referencePrefix and a number the store assigned at creation; unique in the tenant, never reused. */
            reference: string;
            caseType: string;
            version: number;
            /** @description The value at the case type's customer.name pointer, when it is a string. */
            customerName: string | null;
            /** @description XState state value: a state id, or an object for nested and parallel states. */
            state: string | Record<string, unknown>;
            data: Record<string, unknown>;
            revision: number;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            queue?: string | null;
            assignee?: string | null;
            channel?: string | null;
            parentId?: string | null;
            children?: string[];
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            closedAt?: string | null;
            tasks: {
                id?: string;
                state?: string;
                title?: string;
                queue?: string | null;
                role?: string | null;
                form?: string | null;
                /** Format: date-time */
                openedAt?: string;
                dueAt?: string | null;
                assignee?: string | null;
                /** @description When the task passed its due time still open and its onOverdue ran; absent until then. */
                escalatedAt?: string;
            }[];
            slas: Record<string, unknown>[];
            checklist: {
                rule?: string;
                title?: string;
                pass?: boolean;
                problems?: {
                    pointer: string;
                    message: string;
                }[];
            }[];
            next: {
                type?: string;
                title?: string;
                available?: boolean;
                enabled?: boolean;
                allowed?: boolean;
                problems?: {
                    pointer: string;
                    message: string;
                }[];
                target?: string | null;
            }[];
            /** @description The notify messages of the case (GET /api/cases/:id only), oldest first, with their delivery status (docs/email.md). */
            messages?: {
                /** @description The outbox key of the notify action. */
                key: string;
                /** @description The recipient as the action names it: customer, assignee, role:x, queue:x, user:x. */
                to: string;
                template: string;
                /**
                 * @description queued: waiting in the outbox; recorded: on the case only (no mail server, or nobody's address); sent: the mail server took it; failed: will be tried again; dead: failed for good.
                 * @enum {string}
                 */
                status: "queued" | "recorded" | "sent" | "failed" | "dead";
                /**
                 * Format: date-time
                 * @description When this status was recorded (sent: when the mail server took it); null while queued.
                 */
                sentAt?: string | null;
                address?: string | null;
                subject?: string | null;
                /** @description The Message-ID header of the mail (<reference.case.digest@domain>). */
                messageId?: string | null;
                language?: string | null;
                attempts: number;
                lastError?: string | null;
            }[];
            /** @description The contact-reason suggestion made when the case was created (GET /api/cases/:id only; null: none), and whether the agent took it (docs/reason-suggestion.md). */
            suggestion?: {
                /** @description The suggested choice field, a pointer into the data. */
                field: string;
                value: string;
                /** @description The model's posterior probability of the value, 0 to 1. */
                confidence: number;
                /** @description The closed cases the model learned from. */
                trainedOn: number;
                /** Format: date-time */
                trainedAt: string;
                /** Format: date-time */
                suggestedAt: string;
                /**
                 * @description Once the field was first set: accepted (the suggested value) or corrected (another).
                 * @enum {string|null}
                 */
                outcome: "accepted" | "corrected" | null;
                chosen: string | null;
            } | null;
        };
        HistoryEntry: {
            seq: number;
            /** Format: date-time */
            at: string;
            actor: string;
            /** @description The partner organisation the actor works for (an outsourced back office), when one did. */
            partner?: string;
            event: {
                type?: string;
                data?: Record<string, unknown>;
            };
            from: unknown;
            to: unknown;
            patch: Record<string, unknown>[];
            notes: string[];
        };
        Task: {
            id?: string;
            state?: string;
            title?: string;
            queue?: string | null;
            role?: string | null;
            form?: string | null;
            /** Format: date-time */
            openedAt?: string;
            dueAt?: string | null;
            assignee?: string | null;
            /** @description When the task passed its due time still open and its onOverdue ran; absent until then. */
            escalatedAt?: string;
            caseId?: string;
            caseType?: string;
            /** @enum {string} */
            status?: "open" | "closed";
            claimedAt?: string | null;
            closedAt?: string | null;
        };
        TokenResponse: {
            /** @description The secret, shown once. */
            token: string;
            name: string;
            roles: string[];
            tenant: string;
            /**
             * Format: date-time
             * @description When the token stops being accepted (401 auth.expired from then on); null: never.
             */
            expiresAt: string | null;
            /** @description The partner organisation its holder works for (absent: the tenant's own). */
            partner?: string;
        };
        RotatedToken: {
            /** @description The new secret, shown once. */
            token: string;
            name: string;
            tenant: string;
            roles: string[];
            /**
             * Format: date-time
             * @description When the new token stops being accepted; null: never.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description Until when the replaced tokens of the name keep working (the latest of their expiries now).
             */
            previousValidUntil: string;
            /** @description The partner organisation its holder works for, kept from the rotated token (absent: the tenant's own). */
            partner?: string;
        };
        /** @description A token as an admin sees it: never its secret or hash. */
        TokenInfo: {
            id: string;
            name: string;
            tenant: string;
            roles: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description null: never expires.
             */
            expiresAt: string | null;
            /**
             * Format: date-time
             * @description When a request was last accepted with it, to the minute (written at most once a minute); null: not used since it was recorded.
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description The partner organisation its holder works for (absent: the tenant's own). */
            partner?: string;
        };
        ValidationResult: {
            valid: boolean;
            problems: {
                /** @enum {string} */
                severity: "error" | "warning";
                code: string;
                message: string;
                pointer: string;
            }[];
        };
        Draft: {
            key: string;
            definition: Record<string, unknown>;
            problems: {
                /** @enum {string} */
                severity: "error" | "warning";
                code: string;
                message: string;
                pointer: string;
            }[];
            valid: boolean;
            updatedAt: string;
        };
        /** @description Optional: an empty body replays the 500 newest cases, closed or open, on the saved draft. */
        BacktestRequest: {
            /** @description How many of the newest cases of the latest published version (default 500). */
            cases?: number;
            /**
             * @description Only closed or only open cases (default: both).
             * @enum {string}
             */
            status?: "closed" | "open";
            /** @description A case-type definition to replay instead of the tenant's saved draft. */
            definition?: Record<string, unknown>;
        };
        BacktestReport: {
            caseType: string;
            /** @description The published version the cases ran on. */
            version: number;
            /** @enum {string} */
            draft: "saved" | "request";
            /** @enum {string} */
            status: "closed" | "open" | "any";
            requested: number;
            /**
             * Format: date-time
             * @description Open cases are replayed up to this instant, closed ones up to their closedAt.
             */
            now: string;
            summary: {
                cases: number;
                diverged: number;
                rejected: number;
                routed: number;
                /** @description Cases whose replay on the published version went exactly as recorded. */
                reproduced: number;
                slas: {
                    name: string;
                    changes: {
                        from: string;
                        to: string;
                        count: number;
                    }[];
                    unchanged: number;
                    breachedBefore: number;
                    breachedAfter: number;
                }[];
                endStates: {
                    /** @description Active leaf state ids; empty when the draft refused the creation. */
                    states: string[];
                    before: number;
                    after: number;
                }[];
            };
            cases: {
                id: string;
                reference: string;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                closedAt: string | null;
                diverged: boolean;
                divergence: {
                    /**
                     * @description rejected: the draft refused the event; routed: accepted into other states; timers: timers looped at one instant.
                     * @enum {string}
                     */
                    kind: "rejected" | "routed" | "timers";
                    /** @description The history entry (null for a timer loop). */
                    seq: number | null;
                    /** Format: date-time */
                    at: string;
                    event: string;
                    /** @description rejected: the rejection code (event.not_accepted, rule.failed, data.invalid, event.unknown). */
                    code?: string;
                    message?: string;
                    /** @description routed: the states the history recorded. */
                    expected?: unknown;
                    /** @description routed: the states the draft reached. */
                    actual?: unknown;
                } | null;
                reproduced: boolean;
                slas: {
                    name: string;
                    before: {
                        /**
                         * @description The status of its last record; null: the SLA never started or does not exist in that version.
                         * @enum {string|null}
                         */
                        status: "running" | "paused" | "warning" | "missed-goal" | "breached" | "met" | "met-late" | "cancelled" | null;
                        /** @description The deadline was reached (urgency 3 or more) or the record was met late. */
                        breached: boolean;
                    };
                    after: {
                        /**
                         * @description The status of its last record; null: the SLA never started or does not exist in that version.
                         * @enum {string|null}
                         */
                        status: "running" | "paused" | "warning" | "missed-goal" | "breached" | "met" | "met-late" | "cancelled" | null;
                        /** @description The deadline was reached (urgency 3 or more) or the record was met late. */
                        breached: boolean;
                    };
                }[];
                /** @description Active leaf state ids; empty when the draft refused the creation. */
                endBefore: string[];
                /** @description Active leaf state ids; empty when the draft refused the creation. */
                endAfter: string[];
                closedBefore: boolean;
                closedAfter: boolean;
            }[];
        };
        /**
         * Dossier migration plan
         * @description Moves the open cases of one case type from one published version to another (docs/migration.md).
         */
        MigrationPlan: {
            $schema?: string;
            /** @description What the plan is for, in a sentence; shown in the history of every migrated case. */
            title?: string;
            /** @description The case type's key. */
            caseType: string;
            /** @description The published version the cases are on. */
            from: number;
            /** @description The published version they move to. */
            to: number;
            /** @description Old state id → new state id. A state whose id exists in both versions maps to itself unless listed. */
            states?: {
                [key: string]: string;
            };
            data?: {
                /** @description Old field (JSON Pointer into the data) → new field. The value moves; applied first. */
                renames?: {
                    [key: string]: string;
                };
                /** @description Fields (JSON Pointers) removed from the data; applied after the renames. */
                removals?: string[];
                /** @description Field (JSON Pointer) → value, set where the case has no value after renames and removals. */
                defaults?: Record<string, unknown>;
            };
            /** @description Per SLA name: keep the running record with its pause ledger (the default where both versions define it), restart it now, cancel it, or start it (an SLA only the new version has). */
            slas?: {
                [key: string]: "keep" | "restart" | "cancel" | "start";
            };
            /** @description Which open cases of the 'from' version: all of them when absent; every criterion given must hold. */
            cases?: {
                ids?: string[];
                states?: string[];
                /** Format: date-time */
                createdBefore?: string;
                queue?: string;
                field?: {
                    pointer: string;
                    equals: unknown;
                };
            };
        };
        SuggestedMigrationPlan: {
            plan: components["schemas"]["MigrationPlan"];
            /** @description Fields (JSON Pointers) the new version requires that the plan gives no default. */
            needsDefaults: string[];
        };
        MigrationDryRun: {
            planId: string;
            caseType: string;
            from: number;
            to: number;
            counts: {
                total: number;
                migrates: number;
                cannot: number;
            };
            /** @description Cases that cannot migrate, per reason code. */
            reasons: {
                [key: string]: number;
            };
            needsDefaults: string[];
            cases: {
                id: string;
                reference: string;
                /** @description A state value: a state id, or an object for nested and parallel states. */
                state: unknown;
                /** @enum {string} */
                outcome: "migrates" | "cannot";
                /** @description A state value: a state id, or an object for nested and parallel states. */
                to: unknown;
                summary: {
                    fromVersion: number;
                    toVersion: number;
                    /** @description A state value: a state id, or an object for nested and parallel states. */
                    fromState: unknown;
                    /** @description A state value: a state id, or an object for nested and parallel states. */
                    toState: unknown;
                    patch: {
                        op: string;
                        path: string;
                        value?: unknown;
                    }[];
                    slas: {
                        name: string;
                        /** @enum {string} */
                        action: "keep" | "restart" | "cancel" | "start";
                        /** @enum {string|null} */
                        before: "running" | "paused" | "warning" | "missed-goal" | "breached" | "met" | "met-late" | "cancelled" | null;
                        /** @enum {string|null} */
                        after: "running" | "paused" | "warning" | "missed-goal" | "breached" | "met" | "met-late" | "cancelled" | null;
                    }[];
                    tasks: {
                        kept: string[];
                        opened: string[];
                        closed: string[];
                    };
                    timers: {
                        set: {
                            id: string;
                            event: string;
                            dueAt: string;
                        }[];
                        cancelled: string[];
                    };
                } | null;
                blocks: {
                    /** @enum {string} */
                    code: "case.closed" | "case.version" | "state.unmapped" | "state.conflict" | "state.final" | "data.invalid" | "sla.removed" | "case.busy" | "migration.error";
                    message: string;
                    states?: string[];
                    sla?: string;
                    problems?: {
                        pointer: string;
                        message: string;
                    }[];
                }[];
            }[];
            /** @description More cases matched than are listed. */
            truncated: boolean;
        };
        Migration: {
            /** @description The plan's id: a hash of its content (the same plan is applied once). */
            id: string;
            caseType: string;
            from: number;
            to: number;
            title: string | null;
            /** @enum {string} */
            status: "running" | "done";
            startedBy: string;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            counts: {
                total: number;
                pending: number;
                migrated: number;
                blocked: number;
                skipped: number;
            };
            plan: components["schemas"]["MigrationPlan"];
        };
        MigrationList: {
            items: components["schemas"]["Migration"][];
        };
        MigrationCaseList: {
            items: {
                caseId: string;
                /** @enum {string} */
                status: "pending" | "migrated" | "blocked" | "skipped";
                /** @description migrated: the summary; blocked: { blocks }; skipped: { reason }. */
                detail: unknown;
                at: string | null;
            }[];
            nextCursor: string | null;
        };
        AgentRequest: {
            /** @description Skill → level, e.g. {"billing": 3}; only skills a queue of a published case type names. */
            skills?: {
                [key: string]: number;
            };
            capacity: {
                total: number;
                perQueue?: {
                    [key: string]: number;
                };
                perChannel?: {
                    [key: string]: number;
                };
            };
            /** @enum {string} */
            availability?: "available" | "away" | "offline";
            /** @description Queue names of published case types. */
            queues?: string[];
        };
        Agent: {
            name: string;
            /** @description Skill → level, e.g. {"billing": 3}; only skills a queue of a published case type names. */
            skills: {
                [key: string]: number;
            };
            capacity: {
                total: number;
                perQueue?: {
                    [key: string]: number;
                };
                perChannel?: {
                    [key: string]: number;
                };
            };
            /** @enum {string} */
            availability: "available" | "away" | "offline";
            queues: string[];
            updatedAt: string;
            updatedBy: string;
        };
        AgentList: {
            items: components["schemas"]["Agent"][];
        };
        AvailabilityRequest: {
            /** @enum {string} */
            availability: "available" | "away" | "offline";
        };
        AssignRequest: {
            assignee: string;
        };
        RoutingCatalog: {
            queues: {
                caseType?: string;
                queue?: string;
                title?: string;
                strategy?: string | null;
                offerTimeoutMs?: number;
                skills?: {
                    skill?: string;
                    level?: number;
                }[];
            }[];
            skills: string[];
        };
        Offer: {
            id: number;
            taskId: string;
            caseId: string;
            agent: string;
            queue: string;
            channel: string;
            /** @enum {string} */
            status: "open" | "accepted" | "declined" | "expired" | "withdrawn";
            offeredAt: string;
            expiresAt: string;
            endedAt: string | null;
            /** @description Why this agent, in words: "offered to ann: billing 3, load 2/5 (least-loaded, 4 candidates)". */
            explanation: string;
            title?: string;
            reference?: string;
            caseType?: string;
        };
        OfferList: {
            items: components["schemas"]["Offer"][];
        };
        TaskLogEntry: {
            id: number;
            taskId: string;
            caseId: string;
            at: string;
            /** @enum {string} */
            kind: "offered" | "accepted" | "declined" | "expired" | "withdrawn" | "claimed" | "released" | "reassigned";
            agent: string | null;
            by: string;
            /** @description An offer: its explanation; a reassignment: who held the task before. */
            detail: string | null;
        };
        TaskLog: {
            items: components["schemas"]["TaskLogEntry"][];
        };
        Health: {
            /** @constant */
            status?: "ok";
        };
        Published: {
            key: string;
            version: number;
        };
        CaseTypeSummary: {
            key: string;
            title: string;
            latestVersion: number | null;
            publishedAt: string | null;
            draft: {
                updatedAt: string;
                valid: boolean;
            } | null;
        };
        CaseTypeList: {
            items: components["schemas"]["CaseTypeSummary"][];
            nextCursor: string | null;
        };
        Version: {
            version: number;
            publishedAt: string;
            /** @description The name of the token that published it; null for the first start's templates and versions published before it was recorded. */
            publishedBy: string | null;
            /** @description The publisher's note; null when none was given. */
            note: string | null;
        };
        VersionList: {
            items: components["schemas"]["Version"][];
            nextCursor: string | null;
        };
        CaseList: {
            items: components["schemas"]["Case"][];
            nextCursor: string | null;
        };
        HistoryList: {
            items: components["schemas"]["HistoryEntry"][];
            nextCursor: string | null;
        };
        TaskList: {
            items: components["schemas"]["Task"][];
            nextCursor: string | null;
        };
        TokenList: {
            items: components["schemas"]["TokenInfo"][];
        };
        PartnerList: {
            items: components["schemas"]["Partner"][];
        };
        PublicForm: {
            key: string;
            title: string;
            description: string | null;
            schema: Record<string, unknown>;
            form: Record<string, unknown>;
            documents: boolean;
        };
        PublicReceipt: {
            reference: string;
            /** @description The code of the status page, shown once. */
            secret: string;
            statusPath: string;
        };
        PublicStatus: {
            reference: string;
            title: string;
            stages: string[];
            closed: boolean;
            createdAt: string;
            closedAt: string | null;
            updates: {
                at: string;
                /** @description The event in the case type's words; null: the request was received. */
                title: string | null;
            }[];
            canReply: boolean;
            canAddDocuments: boolean;
        };
        Survey: {
            title: string;
            reference: string;
            question: string;
            scale: {
                min: number;
                max: number;
                low: string | null;
                high: string | null;
            };
            comment: {
                label: string;
            } | null;
            /** @description The language of the texts ('' where the case type has no translation for the customer's). */
            language: string;
            expiresAt: string;
            answered: boolean;
        };
        SurveyAnswer: {
            score: number;
            comment?: string;
        };
        FeedbackReport: {
            surveys: number;
            responses: number;
            responseRate: number | null;
            averageScore: number | null;
            scale: {
                min: number;
                max: number;
            } | null;
            distribution: {
                score: number;
                count: number;
            }[];
            trend: {
                /** @enum {unknown} */
                bucket: "day" | "week" | "month";
                items: {
                    start: string;
                    responses: number;
                    averageScore: number;
                }[];
            };
        };
        ChatMessage: {
            /** @description The history entry's number (the stream's event id). */
            seq: number;
            at: string;
            /** @enum {unknown} */
            from: "customer" | "agent";
            /** @description The agent's name; absent on the customer's side. */
            by?: string | null;
            text: string;
        };
        Note: {
            /** @description The history entry's number. */
            seq: number;
            at: string;
            /** @description Who wrote it (the token or person name). */
            by: string;
            text: string;
        };
        /** @description Server-sent events: `event: message`, `id`: the history entry number, `data`: a ChatMessage as JSON; a comment line now and then on a quiet stream. */
        ChatEvents: string;
        ChatList: {
            items: components["schemas"]["ChatMessage"][];
        };
        MailboxList: {
            items: components["schemas"]["Mailbox"][];
        };
        Report: Record<string, unknown>;
        Document: {
            caseId: string;
            id: string;
            /** @description The file name as sent (its last part). */
            name: string;
            /** @description What its bytes say it is (never the name or the client). */
            contentType: string;
            /** @description Bytes. */
            size: number;
            /** @description SHA-256 of the content, lower-case hex. */
            sha256: string;
            /** @description The documents field it is attached to (a pointer into the case data), or null. */
            field: string | null;
            addedAt: string;
            addedBy: string;
            removedAt: string | null;
            removedBy: string | null;
            /** @description Where its content is read. */
            href: string;
        };
        DocumentList: {
            items: components["schemas"]["Document"][];
        };
        DocumentUpload: {
            /** @description A documents field's pointer, e.g. /proofs (before the file part). */
            field?: string;
            /** Format: binary */
            file: string;
        };
        /** Format: binary */
        DocumentContent: string;
        /** @description TypeScript declarations (.d.ts) */
        TypeScript: string;
        Me: {
            name: string;
            tenant: string;
            roles: string[];
            /**
             * @description A bearer token, or a sign-in session (the cookie of OpenID Connect sign-in).
             * @enum {unknown}
             */
            signedInWith: "token" | "session";
            /** @description With a session: send it as X-CSRF-Token with every write that carries the session's cookie. */
            csrfToken?: string;
            /** @description The partner organisation the caller works for: they see only its delegated queues and the shared fields. */
            partner?: string;
        };
        CustomerIdentifier: {
            pointer: string;
            value: string;
        };
        RelatedCase: {
            id: string;
            reference: string;
            caseType: string;
            caseTypeTitle: string;
            state: unknown;
            priority: string;
            channel: string | null;
            customerName: string | null;
            createdAt: string;
            closedAt: string | null;
            matches: components["schemas"]["CustomerIdentifier"][];
        };
        RelatedCaseList: {
            items: components["schemas"]["RelatedCase"][];
            nextCursor: string | null;
        };
        SearchResult: {
            id: string;
            reference: string;
            caseType: string;
            caseTypeTitle: string;
            state: unknown;
            priority: string;
            customerName: string | null;
            /** @description The words around the best place the case's text matched (its beginning when only the reference or the customer matched), as plain text; null when the case has no text, and for a partner's people. */
            snippet: string | null;
            /** @description The case whose reference is exactly the query (first in the list). */
            exact: boolean;
            createdAt: string;
            closedAt: string | null;
        };
        SearchResultList: {
            items: components["schemas"]["SearchResult"][];
            nextCursor: string | null;
        };
        RelatedCases: {
            customer: {
                name: string | null;
                identifiers: components["schemas"]["CustomerIdentifier"][];
            };
            items: components["schemas"]["RelatedCase"][];
            nextCursor: string | null;
        };
        /**
         * CaseType
         * @description A Dossier case type: data, form, rules, events, roles, queues, calendars, SLAs and the playbook statechart.
         */
        CaseTypeMetaSchema: {
            /** @description Path or URL of this meta-schema, for editor support. */
            $schema?: string;
            /** @description Stable identifier, e.g. complaint. */
            key: string;
            /** @description Set on publish; a published version is immutable. */
            version?: number;
            /** @description What the analyst reads. */
            title: string;
            description?: string;
            data: components["schemas"]["CaseTypeFieldSchema"];
            form?: components["schemas"]["CaseTypeForm"];
            /** @description Named completeness and decision rules, each a JSON Schema over the case data. */
            rules?: {
                [key: string]: components["schemas"]["CaseTypeRule"];
            };
            /** @description Events a case accepts from people and systems (upper snake case). */
            events?: {
                [key: string]: components["schemas"]["CaseTypeEventDef"];
            };
            /** @description Roles of people who work on cases of this type. */
            roles?: {
                [key: string]: components["schemas"]["CaseTypeRole"];
            };
            /** @description Where work waits. */
            queues?: {
                [key: string]: components["schemas"]["CaseTypeQueue"];
            };
            /** @description Business-hours calendars for SLAs and delays. */
            calendars?: {
                [key: string]: components["schemas"]["CaseTypeCalendar"];
            };
            /** @description Service levels. */
            slas?: {
                [key: string]: components["schemas"]["CaseTypeSla"];
            };
            playbook: components["schemas"]["CaseTypePlaybook"];
            customer?: components["schemas"]["CaseTypeCustomer"];
            email?: components["schemas"]["CaseTypeEmailIntake"];
            suggest?: components["schemas"]["CaseTypeReasonSuggestion"];
            public?: components["schemas"]["CaseTypePublicForm"];
            feedback?: components["schemas"]["CaseTypeFeedback"];
            /** @description Message templates that notify actions name (docs/email.md): by name, a subject and a body, each one text or one per language, with placeholders such as {{/customer/name}} (a field of the case data) or {{reference}}. */
            messages?: {
                [key: string]: components["schemas"]["CaseTypeMessage"];
            };
            /** @description The prefix of the human-readable references of this case type's cases, e.g. PA for PA-000123. Without it, the initials of the key's words (purchase-approval: PA), or the first three letters of a one-word key (complaint: COM). */
            referencePrefix?: string;
            /** @description Sample case data for the designer's preview and simulator. */
            samples?: components["schemas"]["CaseTypeSample"][];
            /** @description Scenarios saved by the designer's simulator with the definition (the *.scenario.json format of schemas/scenario.schema.json); the runtime ignores them. */
            scenarios?: components["schemas"]["CaseTypeStoredScenario"][];
            layout?: components["schemas"]["CaseTypeLayout"];
            translations?: components["schemas"]["CaseTypeTranslations"];
        };
        /**
         * JsonType
         * @enum {unknown}
         */
        CaseTypeJsonType: "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";
        /**
         * Duration
         * @description ISO 8601 duration in weeks, days, hours, minutes, seconds (PT8H, P2D, P1DT4H). With a calendar, days are working days and hours are working hours.
         */
        CaseTypeDuration: string;
        /**
         * Pointer
         * @description JSON Pointer into the case data, e.g. /customer/email.
         */
        CaseTypePointer: string;
        /**
         * FieldSchema
         * @description The supported subset of JSON Schema 2020-12 for case data fields.
         */
        CaseTypeFieldSchema: {
            $schema?: string;
            $id?: string;
            type?: components["schemas"]["CaseTypeJsonType"] | components["schemas"]["CaseTypeJsonType"][];
            title?: string;
            description?: string;
            default?: unknown;
            examples?: unknown[];
            enum?: unknown[];
            const?: unknown;
            /** @description A string format: email, date, date-time, time, uri, uuid, phone, money, ... */
            format?: string;
            minimum?: number;
            maximum?: number;
            exclusiveMinimum?: number;
            exclusiveMaximum?: number;
            multipleOf?: number;
            minLength?: number;
            maxLength?: number;
            /** @description A regular expression (ECMAScript syntax, unicode) that a text field must match somewhere (anchor it with ^ and $ to match the whole value). Matched in linear time (RE2): look-ahead, look-behind and back-references are not supported. */
            pattern?: string;
            /** @description A documents field: the files of the case file attached to it (uploaded through the documents API, never sent as event data). Its value is a list of document references {id, name, contentType, size, sha256} kept by the runtime; write it as { "type": "array", "documents": true } and count documents with minItems/maxItems (a completeness rule such as { "properties": { "proofs": { "minItems": 1 } }, "required": ["proofs"] }: at least one proof of purchase). */
            documents?: boolean;
            /** @description Shared with outsourced partners: a partner's people (tokens and sign-ins of a partner to whom an admin delegated queues) see this field, and everything inside it, in the cases of those queues, and may fill it in. Fields without it are neither shown nor sent to partners, nor in history, and partners may not change them. Default false. */
            shareable?: boolean;
            /** @description What a valid value looks like, in words people read when a value does not match the pattern, e.g. "a Dutch postcode such as 1234 AB" (the message reads "Postcode must be a Dutch postcode such as 1234 AB"). Without it, the first of examples is shown; the pattern itself never is. */
            patternHint?: string;
            required?: string[];
            properties?: {
                [key: string]: components["schemas"]["CaseTypeFieldSchema"];
            };
            additionalProperties?: boolean | components["schemas"]["CaseTypeFieldSchema"];
            items?: components["schemas"]["CaseTypeFieldSchema"];
            minItems?: number;
            maxItems?: number;
            uniqueItems?: boolean;
            $defs?: {
                [key: string]: components["schemas"]["CaseTypeFieldSchema"];
            };
            /** @description A reference inside the document, e.g. #/$defs/address. */
            $ref?: string;
            readOnly?: boolean;
            deprecated?: boolean;
        };
        /** Form */
        CaseTypeForm: {
            sections: components["schemas"]["CaseTypeFormSection"][];
        };
        /** FormSection */
        CaseTypeFormSection: {
            id: string;
            title?: string;
            description?: string;
            visibleWhen?: components["schemas"]["CaseTypeGuard"];
            readOnlyWhen?: components["schemas"]["CaseTypeGuard"];
            fields: (components["schemas"]["CaseTypePointer"] | components["schemas"]["CaseTypeFieldRef"])[];
        };
        /** FieldRef */
        CaseTypeFieldRef: {
            field: components["schemas"]["CaseTypePointer"];
            /** @enum {unknown} */
            widget?: "text" | "textarea" | "number" | "integer" | "money" | "checkbox" | "toggle" | "date" | "date-time" | "email" | "phone" | "select" | "radio" | "checkboxes" | "group" | "list" | "documents";
            label?: string;
            help?: string;
            placeholder?: string;
            visibleWhen?: components["schemas"]["CaseTypeGuard"];
            readOnlyWhen?: components["schemas"]["CaseTypeGuard"];
        };
        /** Rule */
        CaseTypeRule: {
            title?: string;
            description?: string;
            /** @description A JSON Schema 2020-12 evaluated against the case data; $data references compare fields. */
            schema: {
                [key: string]: unknown;
            } | boolean;
        };
        /**
         * Guard
         * @description A rule name, { in: [state ids] }, { not: guard }, { all: [guards] } or { any: [guards] }.
         */
        CaseTypeGuard: string | {
            in: string[];
        } | {
            not: components["schemas"]["CaseTypeGuard"];
        } | {
            all: components["schemas"]["CaseTypeGuard"][];
        } | {
            any: components["schemas"]["CaseTypeGuard"][];
        };
        /** EventDef */
        CaseTypeEventDef: {
            title?: string;
            description?: string;
            /** @description Case-type roles that may send it; none means any agent or service. */
            roles?: string[];
            data?: components["schemas"]["CaseTypeFieldSchema"];
        };
        /** Role */
        CaseTypeRole: {
            title?: string;
            description?: string;
        };
        /** Queue */
        CaseTypeQueue: {
            title?: string;
            description?: string;
            role?: string;
            /** @description The skills an agent needs to be offered this queue's tasks (push routing, docs/routing.md): a skill's name, or {"skill", "level"} with the lowest level (1-10) that will do. */
            skills?: (string | components["schemas"]["CaseTypeSkillLevel"])[];
            routing?: components["schemas"]["CaseTypeQueueRouting"];
        };
        /** SkillLevel */
        CaseTypeSkillLevel: {
            skill: string;
            /** @description The lowest level of the skill that will do (default 1). */
            level?: number;
        };
        /**
         * QueueRouting
         * @description Push routing: the queue's open tasks are offered to available agents who serve it (docs/routing.md). Without it the queue is pull-only.
         */
        CaseTypeQueueRouting: {
            /**
             * @description How the agent is chosen among those who can take the task (default round-robin).
             * @enum {string}
             */
            strategy?: "round-robin" | "least-loaded" | "most-skilled";
            /** @description How long an offer waits for the agent before it goes to the next one (default PT2M; wall-clock time, no calendar). */
            offerTimeout?: components["schemas"]["CaseTypeDuration"];
        };
        /**
         * TimeRange
         * @description Working time from, to (24-hour local time), e.g. ["09:00", "17:00"].
         */
        CaseTypeTimeRange: components["schemas"]["CaseTypeClockTime"][];
        /** ClockTime */
        CaseTypeClockTime: string;
        /** Calendar */
        CaseTypeCalendar: {
            title?: string;
            description?: string;
            /** @description IANA time zone, e.g. Europe/Amsterdam. */
            timezone: string;
            hours: {
                mon?: components["schemas"]["CaseTypeTimeRange"][];
                tue?: components["schemas"]["CaseTypeTimeRange"][];
                wed?: components["schemas"]["CaseTypeTimeRange"][];
                thu?: components["schemas"]["CaseTypeTimeRange"][];
                fri?: components["schemas"]["CaseTypeTimeRange"][];
                sat?: components["schemas"]["CaseTypeTimeRange"][];
                sun?: components["schemas"]["CaseTypeTimeRange"][];
            };
            holidays?: string[];
        };
        /**
         * SlaCondition
         * @description True when any listed part matches.
         */
        CaseTypeSlaCondition: {
            event?: string[];
            enter?: string[];
            in?: string[];
            rule?: string;
        };
        /** Sla */
        CaseTypeSla: {
            title?: string;
            description?: string;
            start: components["schemas"]["CaseTypeSlaCondition"];
            pause?: components["schemas"]["CaseTypeSlaCondition"];
            stop?: components["schemas"]["CaseTypeSlaCondition"];
            cancel?: components["schemas"]["CaseTypeSlaCondition"];
            reset?: components["schemas"]["CaseTypeSlaCondition"];
            startFrom?: components["schemas"]["CaseTypePointer"];
            /** @description Duration, or a percentage of the goal (default 75%). */
            warnAt?: components["schemas"]["CaseTypeDuration"] | string;
            goal?: components["schemas"]["CaseTypeDuration"];
            deadline: components["schemas"]["CaseTypeDuration"];
            passedDeadline?: {
                every: components["schemas"]["CaseTypeDuration"];
                times?: number;
            };
            calendar?: string;
            onWarning?: components["schemas"]["CaseTypeAction"][];
            onGoalMissed?: components["schemas"]["CaseTypeAction"][];
            onBreach?: components["schemas"]["CaseTypeAction"][];
            onPassedDeadline?: components["schemas"]["CaseTypeAction"][];
        };
        /**
         * Task
         * @description A human work item, opened on entry and closed on exit.
         */
        CaseTypeTask: {
            title: string;
            description?: string;
            queue?: string;
            role?: string;
            /** @description Form section id. */
            form?: string;
            due?: components["schemas"]["CaseTypeDuration"];
            calendar?: string;
            /** @description Actions run once when the task is still open at its due time (needs due): the task is marked escalated and the history records it. */
            onOverdue?: components["schemas"]["CaseTypeAction"][];
        };
        /** Transition */
        CaseTypeTransition: {
            /** @description State id; none means an internal update. */
            target?: string;
            guard?: components["schemas"]["CaseTypeGuard"];
            actions?: components["schemas"]["CaseTypeAction"][];
            description?: string;
        };
        /** TransitionSpec */
        CaseTypeTransitionSpec: string | components["schemas"]["CaseTypeTransition"] | components["schemas"]["CaseTypeTransition"][];
        /** AfterDelay */
        CaseTypeAfterDelay: {
            /** @description Timer id (its event is timer.<id>); default <state>.<index>. */
            id?: string;
            delay: components["schemas"]["CaseTypeDuration"];
            calendar?: string;
            target?: string;
            guard?: components["schemas"]["CaseTypeGuard"];
            actions?: components["schemas"]["CaseTypeAction"][];
            description?: string;
        };
        /** StateNode */
        CaseTypeStateNode: {
            /** @description What the analyst and the agent read for this stage or step. */
            title?: string;
            description?: string;
            /**
             * @description atomic (default), compound when it has states, parallel, final.
             * @enum {unknown}
             */
            type?: "atomic" | "compound" | "parallel" | "final";
            /** @description The child state entered first (compound states). */
            initial?: string;
            /** @description Child states, by id. State ids are unique across the whole playbook. */
            states?: {
                [key: string]: components["schemas"]["CaseTypeStateNode"];
            };
            task?: components["schemas"]["CaseTypeTask"];
            /** @description Rule names shown as this stage's completeness list. */
            checklist?: string[];
            /** @description Durable delays, started on entry and cancelled on exit. */
            after?: components["schemas"]["CaseTypeAfterDelay"][];
            /** @description Actions run on entry. */
            entry?: components["schemas"]["CaseTypeAction"][];
            /** @description Actions run on exit. */
            exit?: components["schemas"]["CaseTypeAction"][];
            /** @description Event name → transition(s); the first enabled one wins. */
            on?: {
                [key: string]: components["schemas"]["CaseTypeTransitionSpec"];
            };
            /** @description Eventless transitions, taken as soon as their guard holds. */
            always?: components["schemas"]["CaseTypeTransition"] | components["schemas"]["CaseTypeTransition"][];
            tags?: string[];
            script?: components["schemas"]["CaseTypeScript"];
        };
        /** Playbook */
        CaseTypePlaybook: {
            /** @description Machine id; defaults to the case type key. */
            id?: string;
            /** @description What the analyst and the agent read for this stage or step. */
            title?: string;
            description?: string;
            /**
             * @description atomic (default), compound when it has states, parallel, final.
             * @enum {unknown}
             */
            type?: "compound" | "parallel";
            /** @description The child state entered first (compound states). */
            initial?: string;
            /** @description Child states, by id. State ids are unique across the whole playbook. */
            states: {
                [key: string]: components["schemas"]["CaseTypeStateNode"];
            };
            /** @description Actions run on entry. */
            entry?: components["schemas"]["CaseTypeAction"][];
            /** @description Actions run on exit. */
            exit?: components["schemas"]["CaseTypeAction"][];
            /** @description Event name → transition(s); the first enabled one wins. */
            on?: {
                [key: string]: components["schemas"]["CaseTypeTransitionSpec"];
            };
            /** @description Eventless transitions, taken as soon as their guard holds. */
            always?: components["schemas"]["CaseTypeTransition"] | components["schemas"]["CaseTypeTransition"][];
            tags?: string[];
        };
        /** Action */
        CaseTypeAction: {
            /** @constant */
            type: "set";
            path: components["schemas"]["CaseTypePointer"];
            value?: unknown;
            from?: components["schemas"]["CaseTypePointer"];
        } | {
            /** @constant */
            type: "assign";
            queue?: string;
            role?: string;
            user?: string;
        } | {
            /** @constant */
            type: "priority";
            value: components["schemas"]["CaseTypePriority"];
        } | {
            /** @constant */
            type: "notify";
            to: string;
            template: string;
        } | {
            /** @constant */
            type: "webhook";
            /** Format: uri */
            url: string;
            /** @enum {unknown} */
            method?: "POST" | "PUT" | "PATCH";
        } | {
            /** @constant */
            type: "lookup";
            /** @description Names the result events: lookup.<name>.done and lookup.<name>.failed. */
            name: string;
            /** @description What the lookup fetches, in words, e.g. "Customer from the CRM". */
            title?: string;
            /**
             * @description GET (the default) or POST.
             * @enum {unknown}
             */
            method?: "GET" | "POST";
            /** Format: uri */
            url: string;
            /** @description Query parameters: by parameter name, the case field (a JSON Pointer into the data) whose value is sent. An empty field sends no parameter. */
            query?: {
                [key: string]: components["schemas"]["CaseTypePointer"];
            };
            /** @description POST only: the JSON body's members, by name, the case field whose value is sent. */
            body?: {
                [key: string]: components["schemas"]["CaseTypePointer"];
            };
            /** @description Where the answer goes: by case field (a JSON Pointer into the data), the JSON Pointer of the value in the answer. A value the answer lacks leaves its field as it is. */
            map: {
                [key: string]: components["schemas"]["CaseTypePointer"];
            };
            /** @description How long one call may take (default 10 seconds). */
            timeoutSeconds?: number;
        } | {
            /** @constant */
            type: "raise";
            event: string;
        } | {
            /** @constant */
            type: "createCase";
            caseType: string;
            /** @constant */
            link: "child";
            /** @description Constant data for the child. */
            data?: {
                [key: string]: unknown;
            };
            /** @description Child pointer → parent pointer: values copied from the parent. */
            copy?: {
                [key: string]: components["schemas"]["CaseTypePointer"];
            };
        } | {
            /** @constant */
            type: "note";
            text: string;
        } | {
            /** @constant */
            type: "sendToChildren";
            /** @description An event of the receiving case type (upper snake case). */
            event: string;
            /** @description The event's payload, constant. */
            data?: {
                [key: string]: unknown;
            };
            /** @description The event's payload: the object at this pointer in the sending case's data when the action runs. */
            from?: components["schemas"]["CaseTypePointer"];
            /** @description Only the child cases of this case type. */
            caseType?: string;
        } | {
            /** @constant */
            type: "sendToParent";
            /** @description An event of the receiving case type (upper snake case). */
            event: string;
            /** @description The event's payload, constant. */
            data?: {
                [key: string]: unknown;
            };
            /** @description The event's payload: the object at this pointer in the sending case's data when the action runs. */
            from?: components["schemas"]["CaseTypePointer"];
        };
        /**
         * Priority
         * @enum {unknown}
         */
        CaseTypePriority: "low" | "normal" | "high" | "urgent";
        /**
         * PublicForm
         * @description A self-service form anyone may fill in without signing in (/forms/<tenant>/<key>), and the status page its sender gets: the stage in plain words, a reply, documents.
         */
        CaseTypePublicForm: {
            /** @description The form's heading (default: the case type's title). */
            title?: string;
            /** @description A sentence or two above the form. */
            description?: string;
            /** @description The fields the public form asks for, in order; nothing else may be posted. */
            fields: components["schemas"]["CaseTypePointer"][];
            /** @description Values a case opened by the form starts with, by field (JSON Pointer → value). */
            values?: {
                [key: string]: unknown;
            };
            /** @description The documents field documents added on the status page go into. */
            attachments?: components["schemas"]["CaseTypePointer"];
            reply?: components["schemas"]["CaseTypeEmailReply"];
        };
        /**
         * CustomerReply
         * @description A customer's answer to a case (a message with its reference in the subject or replying to one the case sent, or a reply on its status page) is this event on that case.
         */
        CaseTypeEmailReply: {
            event: string;
            /** @description The text field the reply's text goes into (a field of the event's data). */
            body?: components["schemas"]["CaseTypePointer"];
        };
        /**
         * ReasonSuggestion
         * @description Suggest the value of a choice field (the contact reason) from the text of a new case, learned from this case type's closed cases (docs/reason-suggestion.md): the agent sees the suggestion with its confidence and accepts or corrects it.
         */
        CaseTypeReasonSuggestion: {
            /** @description The choice field (a text field with an enum) whose value is suggested, e.g. /reason. */
            field: components["schemas"]["CaseTypePointer"];
            /** @description The text fields the suggestion reads, e.g. /subject and /description. */
            from: components["schemas"]["CaseTypePointer"][];
            /** @description Also read the first e-mail's subject and text (the fields email.subject and email.body) when the case came by e-mail. Default false. */
            email?: boolean;
        };
        /**
         * EmailIntake
         * @description How mail to this case type's mailbox opens and answers cases: a new message opens a case (its sender goes into the customer's e-mail field, its sender's name into the customer's name field), a reply to a case is the reply event on it.
         */
        CaseTypeEmailIntake: {
            /** @description The text field a new message's subject goes into. */
            subject?: components["schemas"]["CaseTypePointer"];
            /** @description The text field a new message's text goes into. */
            body?: components["schemas"]["CaseTypePointer"];
            /** @description The documents field a new message's attachments go into. */
            attachments?: components["schemas"]["CaseTypePointer"];
            /** @description Values a case opened by mail starts with, by field (JSON Pointer → value), e.g. {"/channel": "email"}. */
            values?: {
                [key: string]: unknown;
            };
            reply?: components["schemas"]["CaseTypeEmailReply"];
        };
        /** Customer */
        CaseTypeCustomer: {
            keys: components["schemas"]["CaseTypePointer"][];
            name?: components["schemas"]["CaseTypePointer"];
            /** @description The field that holds the customer's e-mail address: where notify to customer sends, and where the sender of a message that opens a case goes. */
            email?: components["schemas"]["CaseTypePointer"];
            /** @description The field that holds the customer's language (a tag such as nl): the language of the messages sent to the customer. */
            language?: components["schemas"]["CaseTypePointer"];
        };
        /** Sample */
        CaseTypeSample: {
            title?: string;
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * Translations
         * @description The case type's own texts in other languages (docs/i18n.md): by language tag ("nl"), then by the JSON pointer of a text in this definition (a title, description, help text, placeholder or pattern hint), the text in that language. A reader in that language sees the translation; a text without one is shown as written.
         */
        CaseTypeTranslations: {
            [key: string]: {
                [key: string]: string;
            };
        };
        /**
         * Layout
         * @description Designer-only positions of playbook nodes; the runtime ignores it.
         */
        CaseTypeLayout: {
            nodes?: {
                [key: string]: {
                    x: number;
                    y: number;
                    width?: number;
                    height?: number;
                };
            };
            viewport?: {
                x: number;
                y: number;
                zoom: number;
            };
        };
        /**
         * StoredScenario
         * @description A Dossier scenario (*.scenario.json): a case created at `start` with `data`, then steps that send events, advance the simulated clock or only check, each with optional expectations. Run by `dossier test`.
         */
        CaseTypeStoredScenario: {
            /** @description Path or URL of this schema, for editor support. */
            $schema?: string;
            /** @description What the scenario shows; printed by dossier test. */
            name: string;
            description?: string;
            /** @description The key of the case type the scenario runs against. */
            caseType: string;
            /** @description When the case is created (ISO 8601); default 2026-01-05T09:00:00Z, a Monday. */
            start?: string;
            /** @description The case data at creation. */
            data: Record<string, unknown>;
            /** @description The priority at creation; default normal. */
            priority?: components["schemas"]["CaseTypePriority"];
            /** @description The channel at creation. */
            channel?: string;
            steps: components["schemas"]["CaseTypeStoredScenarioStep"][];
        };
        /**
         * StoredScenarioStep
         * @description Send an event (`send`, with an optional `data` payload), advance the clock (`advance`, firing every timer that falls due on the way), or neither (only check `expect`).
         */
        CaseTypeStoredScenarioStep: {
            /** @description What the step means, for the reader. */
            description?: string;
            /** @description The event to send, e.g. SUBMIT_TRIAGE. */
            send?: string;
            /** @description The event payload (with send only). */
            data?: Record<string, unknown>;
            /** @description How far to move the clock: an ISO 8601 duration in weeks, days, hours, minutes, seconds (PT5H, P2D); elapsed time, not business time. */
            advance?: string;
            expect?: components["schemas"]["CaseTypeStoredScenarioExpect"];
        };
        /**
         * StoredScenarioExpect
         * @description What must hold after the step; checked in the order rejected, state, data, priority, tasks, slas.
         */
        CaseTypeStoredScenarioExpect: {
            /** @description An object is compared exactly with the case state; a string matches when it equals the state or the id of an active leaf state. */
            state?: components["schemas"]["CaseTypeStoredScenarioStateValue"];
            /** @description A subset of the case data that must match. */
            data?: Record<string, unknown>;
            /**
             * @description The step's event must be rejected with this code (send steps only).
             * @enum {unknown}
             */
            rejected?: "event.unknown" | "event.not_accepted" | "event.forbidden" | "data.invalid" | "rule.failed";
            /** @description SLA name → status of its latest record. */
            slas?: {
                [key: string]: "running" | "paused" | "warning" | "missed-goal" | "breached" | "met" | "met-late" | "cancelled";
            };
            /** @description The titles of the open tasks, in any order; the exact set. */
            tasks?: string[];
            priority?: components["schemas"]["CaseTypePriority"];
        };
        /** StoredScenarioStateValue */
        CaseTypeStoredScenarioStateValue: string | {
            [key: string]: components["schemas"]["CaseTypeStoredScenarioStateValue"];
        };
        /**
         * Feedback
         * @description A short survey the customer gets when a case closes (docs/feedback.md): one question, a score on a scale with labelled ends and an optional comment. The link is e-mailed with the message `message` (its {{survey}} placeholder is the link) and offered on the public status page.
         */
        CaseTypeFeedback: {
            /** @description What the customer is asked, e.g. How satisfied are you with how we handled your request? (translated through `translations`). */
            question: string;
            /** @description The scores the customer chooses from: every whole number from min to max, the ends labelled. */
            scale: {
                /** @description The lowest score. */
                min: number;
                /** @description The highest score. */
                max: number;
                low?: {
                    /** @description What the lowest score means, e.g. Very unhappy. */
                    label: string;
                };
                high?: {
                    /** @description What the highest score means, e.g. Very happy. */
                    label: string;
                };
            };
            /** @description Offer a free-text comment beside the score (the customer may leave it empty). */
            comment?: {
                /** @description What the comment box asks, e.g. Anything you want to tell us? */
                label: string;
            };
            /** @description How long the survey link stays valid after it is sent; default P14D. */
            validFor?: components["schemas"]["CaseTypeDuration"];
            /** @description The message of `messages` that e-mails the survey link to the customer when the case closes; its {{survey}} placeholder is the link. Without it, the survey is only offered on the customer's status page. */
            message?: string;
        };
        /** Message */
        CaseTypeMessage: {
            /** @description What the analyst and the agent read for this message. */
            title?: string;
            subject: components["schemas"]["CaseTypeMessageText"];
            body: components["schemas"]["CaseTypeMessageText"];
        };
        /**
         * Script
         * @description Guidance for the agent while the case is in this state (a call script): ordered steps, questions whose answers fill case fields, and branches to another step or to an action of the state. Shown in the worker console beside the stage form.
         */
        CaseTypeScript: {
            /** @description What the agent reads above the script, e.g. Payment arrangement call. */
            title?: string;
            /** @description The steps, the first one first; after a step comes its next, else the step below it. */
            steps: components["schemas"]["CaseTypeScriptStep"][];
        };
        /** ScriptStep */
        CaseTypeScriptStep: {
            /** @description Unique within the script; branches and next name it. */
            id: string;
            /** @description What the agent says or does at this step. */
            say: string;
            ask?: components["schemas"]["CaseTypeScriptQuestion"];
            /** @description Without when: a choice the agent makes (a button). With when: taken by Next when it holds, the first that holds. */
            branches?: components["schemas"]["CaseTypeScriptBranch"][];
            /** @description The step after this one; default the step below it. */
            next?: string;
            /**
             * @description The script ends after this step (no Next), whatever steps are below it.
             * @constant
             */
            end?: true;
        };
        /** ScriptQuestion */
        CaseTypeScriptQuestion: {
            /** @description The case field the answer fills, drawn with the form's own widget and label. */
            field: components["schemas"]["CaseTypePointer"];
            /** @description The question the agent asks; default the field's label. */
            question?: string;
        };
        /** ScriptBranch */
        CaseTypeScriptBranch: {
            /** @description What the agent reads, e.g. The customer disputes the debt. */
            label: string;
            /** @description { answer: value }: the step's answer equals the value; or a guard over the case data as the agent typed it. */
            when?: {
                answer: unknown;
            } | components["schemas"]["CaseTypeGuard"];
            /** @description A step of the same script. */
            goto?: string;
            /** @description An action of the state: the event is sent with the agent's working copy. */
            event?: string;
        };
        /**
         * MessageText
         * @description One text, or one per language (by language tag, e.g. {"en": "...", "nl": "..."}). {{/pointer}} is replaced by that field of the case data, {{reference}}, {{caseType}}, {{state}}, {{assignee}} and {{queue}} by the case's.
         */
        CaseTypeMessageText: string | {
            [key: string]: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
