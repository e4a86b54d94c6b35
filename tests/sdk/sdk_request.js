'use strict';
// Shared by sdk_sign.js and sdk_stop.js: turns a plain request description into the shape the official
// Huawei Cloud Node.js SDK signer (AKSKSigner.sign) reads, and signs it with that signer, unchanged.
//
// What AKSKSigner.sign reads, from the installed @huaweicloud/huaweicloud-sdk-core source:
// - request.endpoint: a full URL; only its host (url.parse, port kept as written) and pathname (NOT
//   percent-decoded) are used, the query in it is ignored;
// - request.queryParams: the query as an object, a repeated name as an array (as querystring.parse gives);
// - request.headers: every header in it is signed, plus host; 'X-Sdk-Date' (exactly that case) is used as
//   the signing date, else the SDK adds the current time; 'host' (exactly that case) overrides the host;
// - request.data: hashed as JSON.stringify(data), so a body is only representable when it is JSON whose
//   JSON.stringify form is byte-identical to it.

const querystring = require('querystring');
const url = require('url');
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js');
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js');

// The SDK looks these two up with a fixed spelling: anything else would be signed twice.
const SDK_HEADER_SPELLING = { 'x-sdk-date': 'X-Sdk-Date', host: 'host' };

function sdkHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers || {})) {
        out[SDK_HEADER_SPELLING[name.toLowerCase()] || name] = String(value);
    }
    return out;
}

function sdkData(body) {
    if (body === undefined || body === null || body === '') return undefined;
    let parsed;
    try {
        parsed = JSON.parse(body);
    } catch (e) {
        parsed = undefined;
    }
    // A falsy value (null, 0, false, "") would be taken by the SDK as "no body" and hashed as empty.
    if (!parsed || JSON.stringify(parsed) !== body) {
        throw new Error('the SDK signer hashes JSON.stringify(data) of truthy data only: the body must be ' +
                        'compact JSON of an object, array, string or non-zero number, got ' + JSON.stringify(body));
    }
    return parsed;
}

// request: {method, url, headers, body, ak, sk}. Returns the headers AKSKSigner.sign answers: every header
// to send, including host, X-Sdk-Date and Authorization.
function signWithSdk(request) {
    for (const field of ['method', 'url', 'ak', 'sk']) {
        if (typeof request[field] !== 'string' || request[field] === '') {
            throw new Error(`missing "${field}"`);
        }
    }
    const parsed = url.parse(request.url);
    const sdkRequest = {
        method: request.method.toUpperCase(),
        endpoint: request.url,
        queryParams: querystring.parse(parsed.query || ''),
        headers: sdkHeaders(request.headers),
        data: sdkData(request.body),
    };
    const credential = new BasicCredentials().withAk(request.ak).withSk(request.sk);
    return AKSKSigner.sign(sdkRequest, credential);
}

module.exports = { signWithSdk };
