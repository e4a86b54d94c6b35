#!/usr/bin/env node
'use strict';
// Signs a CodeArts Check stop request (POST /v2/tasks/{task}/stop) with the official Huawei Cloud Node.js
// SDK signer and sends it to a loopback server (the emulator), optionally with one byte changed after
// signing, so the emulator's gateway check can be tested against the real SDK.
//
//   node sdk_stop.js --url https://127.0.0.1:8443 --task ID --ak AK --sk SK [--project-id P]
//                    [--security-token T] [--ca-file PEM] [--host HOST] [--sdk-date YYYYMMDDTHHMMSSZ]
//                    [--body JSON] [--tamper WHAT] [--timeout-ms N]
//
// --url is the endpoint (http or https, loopback hosts only); the stop path is appended to its path.
// --host signs and sends that Host header instead of the URL's host[:port].
// --sdk-date signs with that date instead of the SDK's current time (to test clock skew).
// --tamper changes one byte after signing: path (last character of the task id), body (last byte, or
//   a one-space body when there is none), signature (last hex digit), date (last digit of X-Sdk-Date),
//   project-id, security-token (last character), host (last character).
//
// Prints one JSON line: {"status", "body", "headers" (response, names lower case), "request": {"method",
// "path", "headers"} as sent}. Exit status: 0 when an HTTP response came back (whatever its status),
// 1 when none did (connection, TLS, timeout; message on stderr), 2 on bad arguments.

const fs = require('fs');
const http = require('http');
const https = require('https');
const { signWithSdk } = require('./sdk_request.js');

const OPTIONS = ['url', 'task', 'ak', 'sk', 'project-id', 'security-token', 'ca-file', 'host', 'sdk-date', 'body',
                 'tamper', 'timeout-ms'];
const TAMPER_TARGETS = ['path', 'body', 'signature', 'date', 'project-id', 'security-token', 'host'];
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

class UsageError extends Error {}

function parseArgs(args) {
    const options = { 'timeout-ms': '10000' };
    for (let i = 0; i < args.length; i += 2) {
        const name = args[i].replace(/^--/, '');
        if (!args[i].startsWith('--') || !OPTIONS.includes(name)) throw new UsageError(`unknown option ${args[i]}`);
        if (args[i + 1] === undefined) throw new UsageError(`${args[i]} needs a value`);
        options[name] = args[i + 1];
    }
    for (const required of ['url', 'task', 'ak', 'sk']) {
        if (!options[required]) throw new UsageError(`--${required} is required`);
    }
    if (!TASK_ID.test(options.task)) throw new UsageError('--task must match [A-Za-z0-9_-]{1,64}');
    if (options.tamper && !TAMPER_TARGETS.includes(options.tamper)) {
        throw new UsageError(`--tamper must be one of ${TAMPER_TARGETS.join(', ')}`);
    }
    return options;
}

function stopUrl(options) {
    const endpoint = new URL(options.url);
    if (!['http:', 'https:'].includes(endpoint.protocol)) throw new UsageError('--url must be http or https');
    if (!LOOPBACK_HOST.test(endpoint.hostname)) throw new UsageError('--url must name a loopback host');
    endpoint.pathname = endpoint.pathname.replace(/\/+$/, '') + `/v2/tasks/${options.task}/stop`;
    endpoint.search = '';
    return endpoint;
}

function headersToSign(options) {
    const headers = { 'Content-Type': 'application/json' };
    if (options['project-id']) headers['X-Project-Id'] = options['project-id'];
    if (options['security-token']) headers['X-Security-Token'] = options['security-token'];
    if (options['sdk-date']) headers['X-Sdk-Date'] = options['sdk-date'];
    if (options.host) headers.host = options.host;
    return headers;
}

// Another character of the same kind in the last position: a digit stays a digit, a letter a letter.
function changeLastByte(text) {
    if (!text) return ' ';
    const last = text[text.length - 1];
    let changed = 'x';
    if (/[0-8a-yA-Y]/.test(last)) changed = String.fromCharCode(last.charCodeAt(0) + 1);
    else if (/[9zZ]/.test(last)) changed = { 9: '0', z: 'a', Z: 'A' }[last];
    return text.slice(0, -1) + changed;
}

function headerNamed(headers, name) {
    return Object.keys(headers).find((key) => key.toLowerCase() === name);
}

function changeHeader(headers, name, change = changeLastByte) {
    const key = headerNamed(headers, name);
    if (!key) throw new UsageError(`--tamper: the request has no ${name} header`);
    headers[key] = change(headers[key]);
}

// The last digit of YYYYMMDDTHHMMSSZ, so the date stays well-formed and within the allowed skew.
function changeDateSecond(date) {
    return changeLastByte(date.slice(0, -1)) + date.slice(-1);
}

function tamper(target, request) {
    if (target === 'path') request.path = changeLastByte(request.path.replace(/\/stop$/, '')) + '/stop';
    if (target === 'body') request.body = changeLastByte(request.body);
    if (target === 'date') changeHeader(request.headers, 'x-sdk-date', changeDateSecond);
    if (target === 'project-id') changeHeader(request.headers, 'x-project-id');
    if (target === 'security-token') changeHeader(request.headers, 'x-security-token');
    if (target === 'host') changeHeader(request.headers, 'host');
    if (target === 'signature') {
        const key = headerNamed(request.headers, 'authorization');
        request.headers[key] = request.headers[key].replace(/.$/, (digit) => (digit === '0' ? '1' : '0'));
    }
}

function signedRequest(options) {
    const url = stopUrl(options);
    const body = options.body || '';
    const headers = signWithSdk({ method: 'POST', url: url.toString(), headers: headersToSign(options), body,
                                  ak: options.ak, sk: options.sk });
    const request = { url, method: 'POST', path: url.pathname, headers, body };
    if (options.tamper) tamper(options.tamper, request);
    request.headers['Content-Length'] = String(Buffer.byteLength(request.body));
    return request;
}

function send(request, options) {
    const transport = request.url.protocol === 'https:' ? https : http;
    const tls = options['ca-file'] ? { ca: fs.readFileSync(options['ca-file']) } : {};
    return new Promise((resolve, reject) => {
        const outgoing = transport.request({
            ...tls,
            hostname: request.url.hostname.replace(/^\[(.*)\]$/, '$1'),
            port: request.url.port || undefined,
            method: request.method,
            path: request.path,
            headers: request.headers,
            timeout: Number(options['timeout-ms']),
        }, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode, headers: response.headers,
                                                body: Buffer.concat(chunks).toString('utf8') }));
            response.on('error', reject);
        });
        outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options['timeout-ms']} ms`)));
        outgoing.on('error', reject);
        outgoing.end(request.body);
    });
}

async function main() {
    let options;
    let request;
    try {
        options = parseArgs(process.argv.slice(2));
        request = signedRequest(options);
    } catch (error) {
        process.stderr.write(`sdk_stop: ${error.message}\n`);
        return 2;
    }
    try {
        const response = await send(request, options);
        const sent = { method: request.method, path: request.path, headers: request.headers };
        process.stdout.write(JSON.stringify({ ...response, request: sent }) + '\n');
        return 0;
    } catch (error) {
        process.stderr.write(`sdk_stop: ${error.message}\n`);
        return 1;
    }
}

main().then((code) => { process.exitCode = code; });
